using NewsArchive.Core.Search;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Hosting;

/// <summary>
/// Reads what pages keep in memory as soon as the app starts, beside its first requests instead of inside them: the
/// catalog and the archive summary (about half a second each at a million articles) at once, then the index's
/// vocabulary (40 s there). After the start-up ingestion, so that they hold what the first requests will see.
/// </summary>
internal sealed class SearchWarmUp(
    ArchiveCatalog catalog, ArchiveSummaryCache summary, ArchiveStatistics statistics, IngestionStatus ingestion, ILogger<SearchWarmUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ingestion.FirstRun.WaitAsync(stoppingToken);
            await Task.WhenAll(catalog.CurrentAsync(stoppingToken), summary.GetAsync(stoppingToken));
            await statistics.WaitForVocabularyAsync(stoppingToken);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            // Not fatal: the first requests read them again, and report the problem where a user sees it.
            logger.LogWarning(e, "Could not read the search catalog at start");
        }
    }
}
