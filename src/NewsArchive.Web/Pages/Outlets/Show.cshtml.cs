using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Search;
using NewsArchive.Core.Storage;
using NewsArchive.Web.Api;

namespace NewsArchive.Web.Pages.Outlets;

/// <summary>One outlet: its name, count and span, and its articles newest first, paged like the home page.</summary>
public sealed class ShowModel(ArchiveSummaryCache summaries, IArticleSearch search) : PageModel
{
    public OutletSummary Outlet { get; private set; } = null!;

    public ArticleResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if ((await summaries.GetAsync(cancellationToken)).Outlet(slug) is not { } outlet)
        {
            return NotFound();
        }

        Outlet = outlet;
        // The browse list's own parameters (page, sort, dates), with the outlet fixed by the address.
        var query = (Request.Query.ToArticleQueryRequest() with { Outlet = [outlet.Slug] }).Validate(out var errors);
        if (query is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // An outlet's page lists every article it holds; each still names the other outlets of its story.
        Results = await search.SearchAsync(query with { Collapse = false }, cancellationToken);
        return Page();
    }
}
