using System.Diagnostics;
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
public sealed class ArchiveSummaryCache(ArchiveDatabase database, ArchiveChanges changes, TimeSpan refreshAtMostEvery) : IDisposable
{
    private readonly SemaphoreSlim refresh = new(1, 1);
    private volatile Entry? current;

    public ArchiveSummaryCache(ArchiveDatabase database, ArchiveChanges changes)
        : this(database, changes, TimeSpan.FromSeconds(2))
    {
    }

    public async Task<ArchiveSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(current) is { } summary)
        {
            return summary;
        }

        // One reader at a time: the others wait for its result rather than run the same scan beside it.
        await refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(current) is { } read)
            {
                return read;
            }

            // The version before the read: a commit during the read leaves the entry outdated, never wrongly fresh.
            var version = changes.Version();
            var start = Stopwatch.GetTimestamp();
            await using var db = database.CreateContext(readOnly: true);
            var entry = new Entry(await ArchiveSummary.ReadAsync(db, cancellationToken), version, start);
            current = entry;
            return entry.Summary;
        }
        finally
        {
            refresh.Release();
        }
    }

    public void Dispose() => refresh.Dispose();

    private ArchiveSummary? Fresh(Entry? entry) =>
        entry is not null && (Stopwatch.GetElapsedTime(entry.ReadAt) < refreshAtMostEvery || entry.Version == changes.Version())
            ? entry.Summary
            : null;

    private sealed record Entry(ArchiveSummary Summary, long Version, long ReadAt);
}
