using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Search;
using NewsArchive.Web.Api;

namespace NewsArchive.Web.Pages;

/// <summary>The newest articles, paged; filters come from the query string, so every state is a link.</summary>
public sealed class IndexModel(IArticleSearch search) : PageModel
{
    public ArticleResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Request.Query.ToArticleQueryRequest().Validate(out var errors);
        if (query is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Results = await search.SearchAsync(query, cancellationToken);
    }
}
