using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Parsing;

namespace NewsArchive.Core.Storage;

/// <summary>An article as a list shows it: everything but the body.</summary>
public sealed record ArticleSummary(
    int Id,
    string File,
    string Title,
    bool TitleDerived,
    string Outlet,
    string OutletSlug,
    ArticleDate? PublishedAt,
    string? Dateline,
    string? SourceId,
    string? SourceUrl,
    string? Site,
    string? Summary)
{
    /// <summary>The one definition of the shape: SQL selects only these columns, and the detail reuses it.</summary>
    public static readonly Expression<Func<Article, ArticleSummary>> Projection = a => new ArticleSummary(
        a.Id,
        a.RelativePath,
        a.Title,
        a.TitleDerived,
        a.Outlet.Name,
        a.Outlet.Slug,
        a.PublishedAt == null ? null : new ArticleDate(a.PublishedAt.Value, a.PublishedPrecision),
        a.Dateline,
        a.SourceId,
        a.SourceUrl,
        a.Site,
        a.Summary);
}

/// <summary>An entity an article names, and how often.</summary>
public sealed record NamedEntity(EntityKind Kind, string Name, string Slug, int Mentions);

/// <summary>Another article of the same story, and its length against the one at hand: more words are positive.</summary>
public sealed record ArticleVersion(ArticleSummary Article, int Words, int WordDifference, bool SameText);

/// <summary>One article, whole, as the article page and the API show it.</summary>
public sealed record ArticleDetail(ArticleSummary Article, string Body)
{
    public IReadOnlyList<string> Paragraphs => Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
}

public sealed class ArticleStore(ArchiveDbContext db)
{
    private static readonly Func<Article, ArticleSummary> SummaryOf = ArticleSummary.Projection.Compile();

    /// <summary>The articles just before and after this one in its outlet, by publication time; none for an undated one.</summary>
    public async Task<(ArticleSummary? Previous, ArticleSummary? Next)> OutletNeighboursAsync(ArticleSummary article, CancellationToken cancellationToken = default)
    {
        if (article.PublishedAt is not { } date)
        {
            return (null, null);
        }

        // Both walk the (OutletId, PublishedAt, Id) index from this article's place: one row each.
        var published = date.Value;
        var outlet = db.Articles.Where(a => a.Outlet.Slug == article.OutletSlug && a.PublishedAt != null);
        var previous = await outlet
            .Where(a => a.PublishedAt < published || (a.PublishedAt == published && a.Id < article.Id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(ArticleSummary.Projection).FirstOrDefaultAsync(cancellationToken);
        var next = await outlet
            .Where(a => a.PublishedAt > published || (a.PublishedAt == published && a.Id > article.Id))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(ArticleSummary.Projection).FirstOrDefaultAsync(cancellationToken);
        return (previous, next);
    }

    /// <summary>The entities an article names, the most mentioned first.</summary>
    public async Task<IReadOnlyList<NamedEntity>> EntitiesAsync(int id, CancellationToken cancellationToken = default) =>
        await db.ArticleEntities
            .Where(m => m.ArticleId == id)
            .OrderByDescending(m => m.Mentions).ThenBy(m => m.Entity.Name)
            .Select(m => new NamedEntity(m.Entity.Kind, m.Entity.Name, m.Entity.Slug, m.Mentions))
            .ToListAsync(cancellationToken);

    /// <summary>The other articles of this one's story, earliest first; none when it is alone.</summary>
    public async Task<IReadOnlyList<ArticleVersion>> VersionsAsync(int id, CancellationToken cancellationToken = default)
    {
        var signatures = db.Set<ArticleSignature>();
        var own = await signatures.Where(s => s.ArticleId == id).Select(s => new { s.ClusterId, s.Words, s.TextHash }).FirstOrDefaultAsync(cancellationToken);
        if (own?.ClusterId is not { } cluster)
        {
            return [];
        }

        var others = await signatures.Where(s => s.ClusterId == cluster && s.ArticleId != id).ToDictionaryAsync(s => s.ArticleId, cancellationToken);
        var ids = others.Keys.ToList();
        var articles = await db.Articles.Where(a => ids.Contains(a.Id)).Select(ArticleSummary.Projection).ToListAsync(cancellationToken);
        return [.. articles
            .OrderBy(a => a.PublishedAt is null).ThenBy(a => a.PublishedAt?.Value).ThenBy(a => a.Id)
            .Select(a => new ArticleVersion(a, others[a.Id].Words, others[a.Id].Words - own.Words, others[a.Id].TextHash == own.TextHash))];
    }

    public async Task<ArticleDetail?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.Include(a => a.Outlet).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? null : new ArticleDetail(SummaryOf(article), article.Body);
    }
}
