using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Search;
using NewsArchive.Web.Api;

namespace NewsArchive.Web.Pages.Entities;

/// <summary>
/// One person, place or organisation: the articles naming it over time and as a list, newest first, paged like the
/// home page; the outlets that name it and the entities named with it, with counts. All of it is one search with the
/// entity as its filter.
/// </summary>
public sealed class ShowModel(ArchiveCatalog catalog, IArticleSearch search) : PageModel
{
    public CatalogEntity Entity { get; private set; } = null!;

    public ArticleResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        // Model binding makes a blank segment ("/entities/%0D") null.
        if (slug is null || !(await catalog.CurrentAsync(cancellationToken)).Entities.BySlug.TryGetValue(slug, out var entity) || entity.Articles == 0)
        {
            return NotFound();
        }

        Entity = entity;
        // The browse list's own parameters (page, sort, dates), with the entity fixed by the address.
        var query = (Request.Query.ToArticleQueryRequest() with { Q = null, Outlet = [], Entity = [entity.Slug] }).Validate(out var errors);
        if (query is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Results = await search.SearchAsync(query, cancellationToken);
        return Page();
    }
}
