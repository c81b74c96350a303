using NewsArchive.Core.Search.Query;

namespace NewsArchive.Core.Search;

/// <summary>
/// The search seam: pages and the API ask only this. Today SQLite (and its FTS5 index) answers;
/// another engine (Lucene.Net, once it restores) would be a second implementation of this interface.
/// </summary>
public interface IArticleSearch
{
    Task<ArticleResults> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default);

    /// <summary>An article's title, summary and paragraphs as HTML with the query's matches marked; null when it does not match.</summary>
    Task<MarkedArticle?> MarkAsync(int id, ParsedQuery text, CancellationToken cancellationToken = default);

    /// <summary>The first <paramref name="limit"/> hits of a query, in its order, read as they are written out.</summary>
    Task<ArticleExport> ExportAsync(ArticleQuery query, int limit, CancellationToken cancellationToken = default);

    /// <summary>Each query's matches per calendar month under its filters, side by side (the queries share the filters).</summary>
    Task<Comparison> CompareAsync(IReadOnlyList<ArticleQuery> queries, CancellationToken cancellationToken = default);
}
