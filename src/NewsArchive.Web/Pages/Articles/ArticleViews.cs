using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;
using NewsArchive.Core.Storage;
using NewsArchive.Web.Api;

namespace NewsArchive.Web.Pages.Articles;

/// <summary>
/// Everything the article page shows, read in one call: the article, its story's other versions, related ones, its
/// marks, its place in a search and in its outlet, the entities it names.
/// </summary>
public sealed record ArticleView(
    ArticleDetail Article,
    IReadOnlyList<ArticleVersion> Versions,
    IReadOnlyList<ArticleSummary> Related,
    MarkedArticle? Marked,
    SearchTrail? Trail,
    ArticleSummary? OutletPrevious,
    ArticleSummary? OutletNext,
    IReadOnlyList<NamedEntity> Entities)
{
    /// <summary>Only web links are shown as links: a scraped "javascript:" URL must never become one.</summary>
    public Uri? SourceLink =>
        Uri.TryCreate(Article.Article.SourceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}

/// <summary>Where an article reached from a search sits in its results: the hits around it and the way back.</summary>
public sealed record SearchTrail(ArticleQuery Query, int Position, int Total, (ArticleSummary Article, int Page)? Previous, (ArticleSummary Article, int Page)? Next);

public sealed class ArticleViews(ArticleStore store, RelatedArticles related, IArticleSearch search, AliasList aliases)
{
    private const int RelatedCount = 5;

    public async Task<ArticleView?> LoadAsync(int id, IQueryCollection state, CancellationToken cancellationToken)
    {
        // The story's other versions have their own list: related articles are other stories.
        var versions = await store.VersionsAsync(id, cancellationToken);
        if (await related.ReadAsync(id, RelatedCount + versions.Count, cancellationToken) is not { Article: var article } found)
        {
            return null;
        }

        var otherStories = found.Related.Where(r => versions.All(v => v.Article.Id != r.Id)).Take(RelatedCount).ToList();

        // The article's URL carries the search it was opened from (q, filters, sort, page); a state without a query, or one
        // that does not validate, is ignored.
        var query = state.Count > 0 ? state.ToArticleQueryRequest().Validate(out _, aliases) : null;
        query = query is { Text.HasText: true } ? query : null;
        var marked = query is null ? null : await search.MarkAsync(id, query.Text, cancellationToken);
        var trail = query is null ? null : await TrailAsync(id, query, cancellationToken);
        var (previous, next) = await store.OutletNeighboursAsync(article.Article, cancellationToken);
        return new ArticleView(article, versions, otherStories, marked, trail, previous, next, await store.EntitiesAsync(id, cancellationToken));
    }

    /// <summary>Finds the article on its result page; the hit before or after it may sit on the neighbouring page.</summary>
    private async Task<SearchTrail?> TrailAsync(int id, ArticleQuery query, CancellationToken cancellationToken)
    {
        var results = await search.SearchAsync(query, cancellationToken);
        var index = results.Items.ToList().FindIndex(h => h.Article.Id == id);
        if (index < 0)
        {
            return null;
        }

        (ArticleSummary, int)? previous = index > 0 ? (results.Items[index - 1].Article, query.Page)
            : query.Page > 1 ? await EdgeAsync(query with { Page = query.Page - 1 }, last: true, cancellationToken) : null;
        (ArticleSummary, int)? next = index < results.Items.Count - 1 ? (results.Items[index + 1].Article, query.Page)
            : query.Page < results.PageCount ? await EdgeAsync(query with { Page = query.Page + 1 }, last: false, cancellationToken) : null;
        return new SearchTrail(query, query.Skip + index + 1, results.Total, previous, next);
    }

    private async Task<(ArticleSummary, int)?> EdgeAsync(ArticleQuery page, bool last, CancellationToken cancellationToken)
    {
        var items = (await search.SearchAsync(page, cancellationToken)).Items;
        return items.Count == 0 ? null : ((last ? items[^1] : items[0]).Article, page.Page);
    }
}
