namespace NewsArchive.Core.Search;

/// <summary>
/// A value read from the whole archive, kept in memory, and read again on first use after the archive changed
/// (<see cref="ArchiveChanges"/>). One load serves every caller waiting for it; a caller that gives up does not
/// cancel it for the others, and a failed load is tried again by the next caller.
/// </summary>
public sealed class ArchiveSnapshot<T>(ArchiveChanges changes, Func<Task<T>> load)
{
    private readonly Lock gate = new();
    private Task<(long Version, T Value)>? snapshot;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var version = changes.Version();
        Task<(long Version, T Value)> current;
        lock (gate)
        {
            if (snapshot is null || snapshot.IsFaulted || snapshot.IsCanceled || (snapshot.IsCompletedSuccessfully && snapshot.Result.Version != version))
            {
                // The version is taken before the load, so a write during the load makes the next caller load again.
                snapshot = Task.Run(async () => (version, await load()));
            }

            current = snapshot;
        }

        return (await current.WaitAsync(cancellationToken)).Value;
    }
}
