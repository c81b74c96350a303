using System.Globalization;
using NewsArchive.Core.Search.Query;

namespace NewsArchive.Core.Search;

/// <summary>
/// The raw query-string values of a browse or search request, as the API and the pages receive them.
/// <see cref="Validate"/> turns them into an <see cref="ArticleQuery"/> or into messages a person can act on.
/// </summary>
public sealed record ArticleQueryRequest(
    string? Q = null,
    IReadOnlyList<string>? Outlet = null,
    string? From = null,
    string? To = null,
    string? Sort = null,
    string? Page = null,
    string? PageSize = null,
    IReadOnlyList<string>? Entity = null,
    string? Expand = null)
{
    /// <summary>Deeper pages cost a long scan each; nobody reads 10,000 pages one by one.</summary>
    public const int MaxPage = 10_000;

    public ArticleQuery? Validate(out Dictionary<string, string[]> errors, AliasList? aliases = null)
    {
        errors = [];
        var text = QueryParser.Parse(Q, aliases);
        if (text.Error is { } problem)
        {
            errors["q"] = [problem];
        }

        var outlets = (Outlet ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (outlets.Count > 50 || outlets.Any(o => o.Length > 200))
        {
            errors["outlet"] = ["Name at most 50 outlets, each under 200 characters."];
        }

        var entities = (Entity ?? []).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (entities.Count > 20 || entities.Any(e => e.Length > 200))
        {
            errors["entity"] = ["Name at most 20 entities, each by its slug (under 200 characters), e.g. entity=nouri-al-maliki."];
        }

        DateBound? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (DateBound.TryParse(From, out var bound))
            {
                from = bound;
            }
            else
            {
                errors["from"] = [$"'{Shorten(From)}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2014 or 2014-11-12."];
            }
        }

        if (!string.IsNullOrWhiteSpace(To))
        {
            if (DateBound.TryParse(To, out var bound))
            {
                to = bound;
            }
            else
            {
                errors["to"] = [$"'{Shorten(To)}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016 or 2016-09."];
            }
        }

        if (from is { } f && to is { } t && f.Start >= t.EndExclusive)
        {
            errors["to"] = [$"The range ends ({t}) before it starts ({f})."];
        }

        // Relevance needs text to be relevant to; without it a list runs newest first.
        ArticleSort? sort = Sort?.Trim().ToLowerInvariant() switch
        {
            null or "" => text.HasText ? ArticleSort.Relevance : ArticleSort.Newest,
            "relevance" => text.HasText ? ArticleSort.Relevance : ArticleSort.Newest,
            "newest" => ArticleSort.Newest,
            "oldest" => ArticleSort.Oldest,
            _ => null,
        };
        if (sort is null)
        {
            errors["sort"] = [$"'{Shorten(Sort!)}' is not a sort order: use relevance, newest or oldest."];
        }

        var page = ParseWhole(Page, "page", 1, 1, MaxPage, errors);
        var pageSize = ParseWhole(PageSize, "pageSize", ArticleQuery.DefaultPageSize, 1, ArticleQuery.MaxPageSize, errors);
        // Stories are collapsed unless the address asks for every version.
        var expand = ParseWhole(Expand, "expand", 0, 0, 1, errors) == 1;
        return errors.Count == 0 ? new ArticleQuery(outlets, from, to, sort!.Value, page, pageSize) { Text = text, Entities = entities, Collapse = !expand } : null;
    }

    private static int ParseWhole(string? text, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"'{Shorten(text)}' is not valid for {name}: use a whole number from {min} to {max}."];
        return fallback;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
