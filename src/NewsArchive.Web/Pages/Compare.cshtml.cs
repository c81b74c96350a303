using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;
using NewsArchive.Core.Storage;
using NewsArchive.Web.Api;

namespace NewsArchive.Web.Pages;

/// <summary>
/// "/compare": two to four queries counted per month side by side, under search's filters, as a chart and a table
/// whose counts link to the matching search. All state is in the query string (q repeated), so a comparison is a permalink.
/// </summary>
public sealed class CompareModel(IArticleSearch search, AliasList aliases, ArchiveSummaryCache summaries) : PageModel
{
    public Comparison? Comparison { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>What the query boxes hold: the queries typed, then blanks.</summary>
    public IReadOnlyList<string> Boxes { get; private set; } = [];

    /// <summary>Every outlet, largest first, for the outlet filter.</summary>
    public IReadOnlyList<OutletSummary> Outlets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = Request.Query.ToComparisonRequest();
        Boxes = [.. request.Queries.Concat(Enumerable.Repeat("", ComparisonRequest.MaxQueries)).Take(ComparisonRequest.MaxQueries)];
        Outlets = (await summaries.GetAsync(cancellationToken)).Outlets;
        var queries = request.Validate(out var errors, aliases);
        if (queries is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Fewer queries is no error: the form asks for another.
        if (queries.Count >= ComparisonRequest.MinQueries)
        {
            Comparison = await search.CompareAsync(queries, cancellationToken);
        }
    }

    /// <summary>
    /// The search for one query and month, whose total is the table's cell: a date filter that starts or ends inside the
    /// month narrows it, and every version of a story is listed (expand=1), since the comparison counts articles.
    /// </summary>
    public string MonthLink(ArticleQuery query, DateOnly month)
    {
        var start = month.ToDateTime(TimeOnly.MinValue);
        var from = query.From is { } f && f.Start > start ? f.Text : Display.MonthIso(month);
        var to = query.To is { } t && t.EndExclusive < start.AddMonths(1) ? t.Text : Display.MonthIso(month);
        return Display.Link(Request, "/search", ("q", [query.Text.Text]), ("from", [from]), ("to", [to]), ("expand", ["1"]));
    }

    /// <summary>The search for one query under the comparison's filters, every version listed: the table's total.</summary>
    public string SearchLink(ArticleQuery query) => Display.Link(Request, "/search", ("q", [query.Text.Text]), ("expand", ["1"]));
}
