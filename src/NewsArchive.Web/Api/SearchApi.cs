using System.Diagnostics;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;

namespace NewsArchive.Web.Api;

/// <summary>
/// GET /api/search: the query language, filters, facets, snippets and suggestions in one response. An empty q lists
/// the archive by date with the same filters and facets. The syntax is in docs/search.md; the entity filter and
/// facets in docs/entities.md. The versions of a story are one item (its earliest article) unless expand=1; total
/// counts items, articles the matching articles (docs/clusters.md).
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, IArticleSearch search, AliasList aliases, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var query = request.Query.ToArticleQueryRequest().Validate(out var errors, aliases);
        if (query is null)
        {
            return ArticlesApi.Invalid(errors);
        }

        var results = await search.SearchAsync(query, cancellationToken);
        return Results.Ok(new
        {
            query = query.Text.Text,
            total = results.Total,
            articles = results.Articles,
            expand = !query.Collapse,
            tookMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2),
            sort = query.Sort.ToString().ToLowerInvariant(),
            page = query.Page,
            pageSize = query.PageSize,
            pageCount = results.PageCount,
            items = results.Items.Select(hit => new
            {
                id = hit.Article.Id,
                title = hit.Article.Title,
                titleHtml = hit.TitleHtml,
                outlet = hit.Article.Outlet,
                outletSlug = hit.Article.OutletSlug,
                publishedAt = hit.Article.PublishedAt,
                snippet = hit.SnippetHtml,
                score = hit.Score is { } score ? Math.Round(score, 4) : (double?)null,
                clusterSize = hit.Story.Count,
                alsoPublishedBy = hit.Story.AlsoPublishedBy.Select(o => new { name = o.Name, slug = o.Slug }),
            }),
            facets = new
            {
                outlets = results.Facets.Outlets.Select(o => new { name = o.Name, slug = o.Slug, count = o.Count }),
                years = results.Facets.Years.Select(y => new { year = y.Year, count = y.Count }),
                months = results.Facets.Months.Select(m => new { year = m.Year, month = m.Month, count = m.Count }),
                people = Entities(results.Facets, EntityKind.Person),
                places = Entities(results.Facets, EntityKind.Place),
                organisations = Entities(results.Facets, EntityKind.Organisation),
            },
            undated = results.Undated,
            suggestion = results.Suggestion,
            expandedTerms = query.Text.ExpandedTerms,
            notices = query.Text.Notices,
        });
    }

    private static IEnumerable<object> Entities(SearchFacets facets, EntityKind kind) =>
        facets.Of(kind).Select(e => new { name = e.Name, slug = e.Slug, count = e.Count });
}
