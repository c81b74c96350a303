using System.Diagnostics;

namespace NewsArchive.Core.Search;

/// <summary>
/// A value read from the whole archive, kept in memory and read again once the archive changed
/// (<see cref="ArchiveChanges"/>). One read runs at a time; a failed read is tried again by the next caller.
/// The catalog, the page footer's summary and the suggesters' vocabulary all keep their copies this way; they differ
/// only in how fresh a caller needs the value:
/// </summary>
/// <param name="waitForChanges">
/// True: after a change, callers wait for the new read (search must see what was just committed). False: only the
/// first read is waited for; while a newer one runs, callers get the previous value.
/// </param>
/// <param name="refreshAtMostEvery">
/// A value younger than this is served even after a change: while ingestion commits a batch every fraction of a
/// second, the archive changes on nearly every request.
/// </param>
/// <param name="restPerReadTime">
/// Likewise, a value is served for at least this many times as long as it took to read: a read that walks the whole
/// index then takes a bounded share of the machine however often the archive changes, and a cheap one stays fresh.
/// </param>
public sealed class ArchiveSnapshot<T>(
    ArchiveChanges changes, Func<Task<T>> load, bool waitForChanges, TimeSpan refreshAtMostEvery = default, int restPerReadTime = 0)
{
    private readonly Lock gate = new();
    private Entry? current;
    private Task<Entry>? loading;

    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var version = changes.Version();
            Task<Entry> reading;
            lock (gate)
            {
                if (current is { } fresh && (fresh.Version == version || Stopwatch.GetElapsedTime(fresh.ReadAt) < fresh.RestAfter))
                {
                    return fresh.Value;
                }

                loading ??= LoadAsync(version);
                if (!waitForChanges && current is { } previous)
                {
                    return previous.Value;
                }

                reading = loading;
            }

            // A read that started before the change this caller saw is not enough for one that waits for changes.
            var entry = await reading.WaitAsync(cancellationToken);
            if (!waitForChanges || entry.Version >= version)
            {
                return entry.Value;
            }
        }
    }

    /// <summary>Runs outside the caller's request; the version is taken before the read, so a write during it is caught next time.</summary>
    private Task<Entry> LoadAsync(long version) => Task.Run(async () =>
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var value = await load();
            var readTime = Stopwatch.GetElapsedTime(started);
            var entry = new Entry(value, version, Stopwatch.GetTimestamp(), TimeSpan.FromTicks(Math.Max(refreshAtMostEvery.Ticks, readTime.Ticks * restPerReadTime)));
            lock (gate)
            {
                current = entry;
            }

            return entry;
        }
        finally
        {
            lock (gate)
            {
                loading = null;
            }
        }
    });

    private sealed record Entry(T Value, long Version, long ReadAt, TimeSpan RestAfter);
}
