using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// The ids (with BM25 scores when ranked) that a full-text expression matches, read once and shared: by every request
/// that asks while the read runs, and by later ones until the archive changes (a new catalog snapshot), within a
/// memory budget that drops the least recently used first. A term matching most of the archive then costs its FTS5
/// scan once; each further page, sort order, filter or facet click is a pass over two arrays. Scans run at most
/// <see cref="SearchLimits.ConcurrentScans"/> at a time, and a caller waits at most <see cref="SearchLimits.Budget"/>.
/// </summary>
public sealed class MatchCache(ArchiveDatabase database, SearchLimits limits) : IDisposable
{
    private readonly SemaphoreSlim scans = new(limits.ConcurrentScans);
    private readonly long budgetBytes = limits.CacheMegabytes * 1024L * 1024;
    private readonly Lock gate = new();
    private readonly Dictionary<(string Expression, bool Ranked), LinkedListNode<Entry>> entries = [];
    private readonly LinkedList<Entry> recentFirst = new();
    private int generation;
    private long bytes;

    /// <summary>Full-text scans started since the app started (for tests: shared and cached reads do not count).</summary>
    internal int Scans { get; private set; }

    public async Task<Matches> GetAsync(CatalogSnapshot snapshot, string expression, bool ranked, CancellationToken cancellationToken)
    {
        Task<Matches> reading;
        lock (gate)
        {
            if (snapshot.Generation > generation)
            {
                entries.Clear();
                recentFirst.Clear();
                bytes = 0;
                generation = snapshot.Generation;
            }

            var key = (expression, ranked);
            if (entries.TryGetValue(key, out var node))
            {
                recentFirst.Remove(node);
                recentFirst.AddFirst(node);
                reading = node.Value.Matches;
            }
            else
            {
                reading = Task.Run(() => ScanAsync(expression, ranked));
                Scans++;
                // A request holding an older snapshot (a change landed meanwhile) reads for itself.
                if (snapshot.Generation == generation)
                {
                    entries[key] = recentFirst.AddFirst(new Entry(key, reading));
                    _ = KeepOrDropAsync(key, reading, snapshot.Generation);
                }
            }
        }

        try
        {
            return await reading.WaitAsync(limits.Budget, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new SearchBusyException(limits.Budget);
        }
    }

    private async Task<Matches> ScanAsync(string expression, bool ranked)
    {
        if (!await scans.WaitAsync(limits.Budget))
        {
            throw new SearchBusyException(limits.Budget);
        }

        try
        {
            using var timeout = new CancellationTokenSource(limits.Budget);
            await using var db = database.CreateContext(readOnly: true);
            return await ReadAsync(db, expression, ranked, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new SearchBusyException(limits.Budget);
        }
        finally
        {
            scans.Release();
        }
    }

    private static async Task<Matches> ReadAsync(ArchiveDbContext db, string expression, bool ranked, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(
            ranked
                ? $"SELECT rowid, {Fts.Rank} FROM ArticlesFts WHERE ArticlesFts MATCH $match"
                : "SELECT rowid FROM ArticlesFts WHERE ArticlesFts MATCH $match",
            cancellationToken,
            ("$match", expression));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        var scores = ranked ? new List<double>() : null;
        // SQLite runs in-process, so ReadAsync only wraps Read; per row, over hundreds of thousands of matches, that wrapping is most of the cost.
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
            // bm25() is lower for better matches; scores are shown higher-is-better.
            scores?.Add(-reader.GetDouble(1));
            if (ids.Count % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return new Matches([.. ids], scores?.ToArray());
    }

    /// <summary>A finished read stays, within the budget; a failed one is forgotten, so the next request tries again.</summary>
    private async Task KeepOrDropAsync((string, bool) key, Task<Matches> reading, int readFor)
    {
        long size;
        try
        {
            size = (await reading).Bytes;
        }
        catch (Exception)
        {
            // The requests waiting on the read report its failure; here it only means "do not keep".
            size = long.MaxValue;
        }

        lock (gate)
        {
            if (readFor != generation || !entries.TryGetValue(key, out var node) || node.Value.Matches != reading)
            {
                return;
            }

            if (size > budgetBytes / 4)
            {
                entries.Remove(key);
                recentFirst.Remove(node);
                return;
            }

            node.Value.Bytes = size;
            bytes += size;
            while (bytes > budgetBytes && recentFirst.Last is { } oldest && oldest != node)
            {
                recentFirst.RemoveLast();
                entries.Remove(oldest.Value.Key);
                bytes -= oldest.Value.Bytes;
            }
        }
    }

    public void Dispose() => scans.Dispose();

    private sealed class Entry((string, bool) key, Task<Matches> matches)
    {
        public (string, bool) Key { get; } = key;

        public Task<Matches> Matches { get; } = matches;

        /// <summary>0 while the read runs.</summary>
        public long Bytes { get; set; }
    }
}

/// <summary>The articles a full-text expression matches, in index order, with their scores (higher is better) when ranked.</summary>
public sealed record Matches(int[] Ids, double[]? Scores)
{
    public long Bytes => Ids.Length * (sizeof(int) + (Scores is null ? 0 : sizeof(double)));
}
