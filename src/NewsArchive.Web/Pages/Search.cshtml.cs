using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;
using NewsArchive.Web.Api;

namespace NewsArchive.Web.Pages;

/// <summary>
/// Browse and search in one page ("/" and "/search"): without a query it lists the newest articles, with one it ranks
/// them. All state is in the query string, so every result page is a permalink.
/// </summary>
public sealed class SearchModel(IArticleSearch search, AliasList aliases) : PageModel
{
    public ArticleResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string Q => Request.Query["q"].ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Request.Query.ToArticleQueryRequest().Validate(out var errors, aliases);
        if (query is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Results = await search.SearchAsync(query, cancellationToken);
    }
}
