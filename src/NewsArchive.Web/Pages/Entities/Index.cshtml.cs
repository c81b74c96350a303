using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Search;

namespace NewsArchive.Web.Pages.Entities;

/// <summary>The people, places and organisations named by the most articles, from the search catalog in memory.</summary>
public sealed class IndexModel(ArchiveCatalog catalog) : PageModel
{
    public const int PerKind = 50;

    public IReadOnlyList<(EntityKind Kind, string Heading, IReadOnlyList<CatalogEntity> Entities)> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await catalog.CurrentAsync(cancellationToken);
        Kinds = [.. Display.EntityKinds.Select(k => (k.Kind, k.Heading, snapshot.TopEntities(k.Kind, PerKind)))];
    }
}
