using NewsArchive.Core.Entities;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// One page of results with the exact total, so any page, the last included, can be linked; the facet counts over
/// the same query and the other filters; and what the engine did with the query (aliases added, repairs, a suggestion).
/// A result is an article, or a story when the query collapses them: <see cref="Total"/>, <see cref="Undated"/> and
/// the facets count results, <see cref="Articles"/> the matching articles.
/// </summary>
public sealed record ArticleResults(
    ArticleQuery Query,
    int Total,
    int Articles,
    int Undated,
    IReadOnlyList<SearchHit> Items,
    SearchFacets Facets,
    string? Suggestion)
{
    public int PageCount => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);

    /// <summary>The entities of <see cref="ArticleQuery.Entities"/> the archive knows, as it names them.</summary>
    public IReadOnlyList<CatalogEntity> Entities { get; init; } = [];
}

/// <summary>
/// An article in a result list. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML: the article's text
/// encoded, with only <c>&lt;mark&gt;</c> added around matched terms. <see cref="Score"/> is BM25 (higher is better)
/// when the list is ranked by a text query; for a collapsed story, its best version's. <see cref="Story"/> is the
/// story it tells, in the whole archive.
/// </summary>
public sealed record SearchHit(ArticleSummary Article, string TitleHtml, string SnippetHtml, double? Score, StoryVersions Story);

/// <summary>
/// Counts that say what a click gives: outlets over the query and the date range (not the outlet filter), years
/// over the query and the outlet filter (not the date range), months of <see cref="ArticleQuery.SingleYear"/> likewise;
/// entities over the results themselves, every filter applied (a click adds the entity to the filters), the
/// <see cref="EntitiesPerKind"/> most named of each kind, by kind, then count.
/// </summary>
public sealed record SearchFacets(IReadOnlyList<OutletCount> Outlets, IReadOnlyList<PeriodCount> Years, IReadOnlyList<PeriodCount> Months, IReadOnlyList<EntityCount> Entities)
{
    public const int EntitiesPerKind = 15;

    public static SearchFacets None { get; } = new([], [], [], []);

    public IEnumerable<EntityCount> Of(EntityKind kind) => Entities.Where(e => e.Kind == kind);
}

/// <summary>An entity and how many results name it.</summary>
public sealed record EntityCount(EntityKind Kind, string Name, string Slug, int Count);

/// <summary>A year (Month 0) or a month of a year, with its count.</summary>
public sealed record PeriodCount(int Year, int Month, int Count);

/// <summary>All hits of a query up to a limit: the exact total, and the articles as a stream.</summary>
public sealed record ArticleExport(int Total, IAsyncEnumerable<ArticleSummary> Articles);

/// <summary>An article's text as HTML, encoded, with only &lt;mark&gt; around the matches of a query.</summary>
public sealed record MarkedArticle(string TitleHtml, string? SummaryHtml, IReadOnlyList<string> ParagraphsHtml);
