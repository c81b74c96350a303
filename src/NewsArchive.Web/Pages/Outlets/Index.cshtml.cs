using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Pages.Outlets;

/// <summary>Every outlet with its article count and date span, largest first, from the cached archive summary.</summary>
public sealed class IndexModel(ArchiveSummaryCache summaries) : PageModel
{
    public ArchiveSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Summary = await summaries.GetAsync(cancellationToken);
}
