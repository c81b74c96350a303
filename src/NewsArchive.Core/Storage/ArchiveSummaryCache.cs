using NewsArchive.Core.Search;

namespace NewsArchive.Core.Storage;

/// <summary>
/// The <see cref="ArchiveSummary"/> every page footer and the outlet pages show, read again only when the archive
/// changed (<see cref="ArchiveChanges"/>): a page view costs one PRAGMA, not a count of every article.
/// </summary>
/// <param name="refreshAtMostEvery">
/// While ingestion commits a batch every fraction of a second, the archive changes on nearly every page view:
/// a summary younger than this is served even though it may miss the last batches.
/// </param>
public sealed class ArchiveSummaryCache(ArchiveDatabase database, ArchiveChanges changes, TimeSpan refreshAtMostEvery)
{
    private readonly ArchiveSnapshot<ArchiveSummary> snapshot = new(changes, () => ReadAsync(database), waitForChanges: true, refreshAtMostEvery);

    public ArchiveSummaryCache(ArchiveDatabase database, ArchiveChanges changes)
        : this(database, changes, TimeSpan.FromSeconds(2))
    {
    }

    public Task<ArchiveSummary> GetAsync(CancellationToken cancellationToken = default) => snapshot.GetAsync(cancellationToken);

    private static async Task<ArchiveSummary> ReadAsync(ArchiveDatabase database)
    {
        await using var db = database.CreateContext(readOnly: true);
        return await ArchiveSummary.ReadAsync(db);
    }
}
