using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>One page of results with the exact total, so any page, the last included, can be linked.</summary>
public sealed record ArticleResults(ArticleQuery Query, int Total, IReadOnlyList<ArticleSummary> Items)
{
    public int PageCount => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);
}
