namespace NewsArchive.Core.Search;

/// <summary>
/// The search seam: pages and the API ask only this. Today SQLite (and its FTS5 index) answers;
/// another engine (Lucene.Net, once it restores) would be a second implementation of this interface.
/// </summary>
public interface IArticleSearch
{
    Task<ArticleResults> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default);

    /// <summary>The first <paramref name="limit"/> hits of a query, in its order, read as they are written out.</summary>
    Task<ArticleExport> ExportAsync(ArticleQuery query, int limit, CancellationToken cancellationToken = default);
}
