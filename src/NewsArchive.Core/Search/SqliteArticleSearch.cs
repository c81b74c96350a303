using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>Answers <see cref="ArticleQuery"/> from the archive database, through the indexes on date and outlet.</summary>
public sealed class SqliteArticleSearch(ArchiveDbContext db) : IArticleSearch
{
    public async Task<ArticleResults> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var items = query.Sort == ArticleSort.Newest
            // Descending, undated articles (NULL) come last by themselves and the (PublishedAt, Id) index serves the order.
            ? await Summaries(filtered.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id), query.Skip, query.PageSize, cancellationToken)
            : await OldestFirstAsync(filtered, query, cancellationToken);
        return new ArticleResults(query, total, items);
    }

    /// <summary>
    /// Oldest first, undated last. Ascending order would put NULL first, and sorting on "IS NULL" defeats the index,
    /// so the dated and the undated articles are read as two ordered runs, one after the other.
    /// </summary>
    private static async Task<List<ArticleSummary>> OldestFirstAsync(IQueryable<Article> filtered, ArticleQuery query, CancellationToken cancellationToken)
    {
        var dated = filtered.Where(a => a.PublishedAt != null);
        var items = await Summaries(dated.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id), query.Skip, query.PageSize, cancellationToken);
        if (items.Count < query.PageSize && query.From is null && query.To is null)
        {
            var datedCount = items.Count > 0 ? query.Skip + items.Count : await dated.CountAsync(cancellationToken);
            var undated = filtered.Where(a => a.PublishedAt == null).OrderBy(a => a.Id);
            items.AddRange(await Summaries(undated, Math.Max(0, query.Skip - datedCount), query.PageSize - items.Count, cancellationToken));
        }

        return items;
    }

    private async Task<IQueryable<Article>> FilterAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        IQueryable<Article> articles = db.Articles;
        if (query.Outlets.Count > 0)
        {
            var names = query.Outlets.Select(o => o.ToLowerInvariant()).ToList();
            var outletIds = await db.Outlets
                .Where(o => names.Contains(o.Name.ToLower()) || names.Contains(o.Slug))
                .Select(o => o.Id)
                .ToListAsync(cancellationToken);
            articles = articles.Where(a => outletIds.Contains(a.OutletId));
        }

        if (query.From is { } from)
        {
            articles = articles.Where(a => a.PublishedAt >= from.Start);
        }

        if (query.To is { } to)
        {
            articles = articles.Where(a => a.PublishedAt < to.EndExclusive);
        }

        return articles;
    }

    private static Task<List<ArticleSummary>> Summaries(IQueryable<Article> ordered, int skip, int take, CancellationToken cancellationToken) =>
        ordered.Skip(skip).Take(take).Select(ArticleSummary.Projection).ToListAsync(cancellationToken);
}
