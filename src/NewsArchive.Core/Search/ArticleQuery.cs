using NewsArchive.Core.Search.Query;

namespace NewsArchive.Core.Search;

public enum ArticleSort
{
    Relevance,
    Newest,
    Oldest,
}

/// <summary>
/// One request to the archive: the parsed query text, filters, order and page. Built through
/// <see cref="ArticleQueryRequest.Validate"/>, so every value in it is already known to be sane.
/// </summary>
public sealed record ArticleQuery(
    IReadOnlyList<string> Outlets,
    DateBound? From,
    DateBound? To,
    ArticleSort Sort,
    int Page,
    int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static ArticleQuery Newest { get; } = new([], null, null, ArticleSort.Newest, 1, DefaultPageSize);

    /// <summary>What to look for; empty lists the archive by date.</summary>
    public ParsedQuery Text { get; init; } = ParsedQuery.Empty;

    /// <summary>Slugs of entities every result must name.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    /// <summary>The versions of a story are one result, its earliest article (see docs/clusters.md); else every article is one.</summary>
    public bool Collapse { get; init; }

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The year whose months are counted: set when the date range is exactly one calendar year.</summary>
    public int? SingleYear =>
        From is { } from && To is { } to && from.Start == new DateTime(from.Start.Year, 1, 1) && to.EndExclusive == from.Start.AddYears(1)
            ? from.Start.Year
            : null;
}
