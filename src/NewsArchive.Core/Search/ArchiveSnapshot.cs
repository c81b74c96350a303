namespace NewsArchive.Core.Search;

/// <summary>
/// A value read from the whole archive, kept in memory and read again once the archive changed
/// (<see cref="ArchiveChanges"/>). Only the first read is waited for: while a newer one runs, callers get the
/// previous value, so a large archive being ingested is not read again on every request, only once per read.
/// One read runs at a time; a failed read is tried again by the next caller.
/// </summary>
public sealed class ArchiveSnapshot<T>(ArchiveChanges changes, Func<Task<T>> load)
{
    private readonly Lock gate = new();
    private (long Version, T Value)? current;
    private Task<T>? loading;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var version = changes.Version();
        Task<T> first;
        lock (gate)
        {
            if (current is { } fresh && fresh.Version == version)
            {
                return fresh.Value;
            }

            loading ??= LoadAsync(version);
            if (current is { } previous)
            {
                return previous.Value;
            }

            first = loading;
        }

        return await first.WaitAsync(cancellationToken);
    }

    /// <summary>Runs outside the caller's request; the version is taken before the read, so a write during it is caught next time.</summary>
    private Task<T> LoadAsync(long version) => Task.Run(async () =>
    {
        try
        {
            var value = await load();
            lock (gate)
            {
                current = (version, value);
            }

            return value;
        }
        finally
        {
            lock (gate)
            {
                loading = null;
            }
        }
    });
}
