using NewsArchive.Core.Search;

namespace NewsArchive.Web.Hosting;

/// <summary>
/// Reads what search keeps in memory (the catalog, the index's vocabulary) as soon as the app starts, beside the first
/// requests instead of inside the first search: at a million articles the vocabulary alone takes seconds to read.
/// After the start-up ingestion, so that what is read is what the first searches will see.
/// </summary>
internal sealed class SearchWarmUp(ArchiveCatalog catalog, ArchiveStatistics statistics, IngestionStatus ingestion, ILogger<SearchWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ingestion.FirstRun.WaitAsync(stoppingToken);
            await catalog.CurrentAsync(stoppingToken);
            await statistics.VocabularyAsync(stoppingToken);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            // Not fatal: the first search reads them again, and reports the problem where a user sees it.
            logger.LogWarning(e, "Could not read the search catalog at start");
        }
    }
}
