using NewsArchive.Core.Search.Query;

namespace NewsArchive.Core.Search;

/// <summary>
/// The raw query-string values of a comparison: up to <see cref="MaxQueries"/> queries (blank ones are left out, as a
/// form with four boxes sends them) under one set of search filters, each checked as search checks it.
/// </summary>
public sealed record ComparisonRequest(
    IReadOnlyList<string> Q,
    IReadOnlyList<string>? Outlet = null,
    string? From = null,
    string? To = null)
{
    public const int MinQueries = 2;
    public const int MaxQueries = 4;

    /// <summary>The queries typed, in order, blanks left out.</summary>
    public IReadOnlyList<string> Queries => [.. Q.Where(q => !string.IsNullOrWhiteSpace(q))];

    /// <summary>
    /// One <see cref="ArticleQuery"/> per query, in order, or null with messages a person can act on. Fewer than
    /// <see cref="MinQueries"/> is not an error here: the page asks for another query, the API refuses.
    /// </summary>
    public IReadOnlyList<ArticleQuery>? Validate(out Dictionary<string, string[]> errors, AliasList? aliases = null)
    {
        // The filters are search's, checked once; sorting and paging do not apply to counts.
        var filters = new ArticleQueryRequest(Outlet: Outlet, From: From, To: To).Validate(out errors, aliases);
        var queries = Queries;
        if (queries.Count > MaxQueries)
        {
            errors["q"] = [$"Compare at most {MaxQueries} queries at a time; this asks for {queries.Count}."];
            return null;
        }

        var parsed = new List<ParsedQuery>();
        var problems = new List<string>();
        foreach (var query in queries)
        {
            var text = QueryParser.Parse(query, aliases);
            // A blank box is left out, but text that reads as nothing (only punctuation) would count the whole archive.
            var problem = text.Error ?? (text.HasText || text.Outlets.Count > 0 ? null : "Nothing to look for: type a word, a \"phrase\" or outlet:name.");
            if (problem is not null)
            {
                problems.Add($"Query {parsed.Count + 1}, “{ArticleQueryRequest.Shorten(query)}”: {problem}");
            }

            parsed.Add(text);
        }

        if (problems.Count > 0)
        {
            errors["q"] = [.. problems];
        }

        return filters is null || errors.Count > 0 ? null : [.. parsed.Select(text => filters with { Text = text })];
    }
}
