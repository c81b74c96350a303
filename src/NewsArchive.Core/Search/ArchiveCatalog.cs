using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// Every article's outlet, date and story cluster, by id, in memory. Filters, facet counts, date order and the
/// grouping of a story's versions are then array lookups over the ids the full-text index returns, instead of a join
/// per match: with a term that matches most of a million articles, that is the difference between milliseconds and
/// seconds. Reloaded whenever the archive changes.
/// </summary>
public sealed class ArchiveCatalog(ArchiveDatabase database, ArchiveChanges changes)
{
    // Searches wait for a reload after a change: a result must hold what was just committed.
    private readonly ArchiveSnapshot<CatalogSnapshot> snapshot = new(changes, () => LoadAsync(database), waitForChanges: true);

    public Task<CatalogSnapshot> CurrentAsync(CancellationToken cancellationToken = default) => snapshot.GetAsync(cancellationToken);

    private static async Task<CatalogSnapshot> LoadAsync(ArchiveDatabase database)
    {
        await using var db = database.CreateContext(readOnly: true);
        // One read transaction, so outlets and articles come from the same moment.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outlets = await db.QueryAsync(
            "SELECT Id, Name, Slug FROM Outlets ORDER BY Id", row => new CatalogOutlet(row.GetInt32(0), row.GetString(1), row.GetString(2)), CancellationToken.None);
        var maxId = (await db.QueryAsync("SELECT coalesce(max(Id), 0) FROM Articles", row => row.GetInt32(0), CancellationToken.None))[0];
        var outletOf = new int[maxId + 1];
        var secondsOf = new long[maxId + 1];
        // Served by the (OutletId, PublishedAt, Id) index alone: the article rows, bodies and all, are not read.
        await using var command = await db.CommandAsync("SELECT Id, OutletId, CAST(strftime('%s', PublishedAt) AS INTEGER) FROM Articles", CancellationToken.None);
        await using var reader = await command.ExecuteReaderAsync();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            outletOf[id] = reader.GetInt32(1);
            secondsOf[id] = reader.IsDBNull(2) ? CatalogSnapshot.Undated : reader.GetInt64(2);
        }

        // Only clustered articles, read from the partial index alone: a few bytes per article in a story.
        var clusterOf = new int[maxId + 1];
        var members = await db.QueryAsync(
            "SELECT ArticleId, ClusterId FROM ArticleSignatures WHERE ClusterId IS NOT NULL", row => (Id: row.GetInt32(0), Cluster: row.GetInt32(1)), CancellationToken.None);
        foreach (var (id, cluster) in members)
        {
            clusterOf[id] = cluster;
        }

        var stories = members
            .GroupBy(member => member.Cluster)
            .ToDictionary(group => group.Key, group => group.Select(member => member.Id).Order(Comparer<int>.Create((a, b) => CatalogSnapshot.Earlier(a, b, secondsOf))).ToArray());
        return new CatalogSnapshot(outlets, outletOf, secondsOf, clusterOf, stories);
    }
}

public sealed record CatalogOutlet(int Id, string Name, string Slug);

/// <summary>The articles that tell one story: how many, and the outlets besides the one at hand that published it.</summary>
public sealed record StoryVersions(int Count, IReadOnlyList<CatalogOutlet> AlsoPublishedBy)
{
    public static StoryVersions Alone { get; } = new(1, []);
}

/// <summary>The catalog at one moment: <c>OutletOf[id]</c> is 0 for ids with no article.</summary>
public sealed class CatalogSnapshot
{
    /// <summary>Stands for "no date" in <see cref="SecondsOf"/>; sorts below every real date.</summary>
    public const long Undated = long.MinValue;

    private readonly Dictionary<int, int[]> stories;

    internal CatalogSnapshot(IReadOnlyList<CatalogOutlet> outlets, int[] outletOf, long[] secondsOf, int[] clusterOf, Dictionary<int, int[]> stories)
    {
        Outlets = outlets;
        OutletOf = outletOf;
        SecondsOf = secondsOf;
        ClusterOf = clusterOf;
        this.stories = stories;
        OutletById = outlets.ToDictionary(o => o.Id);
    }

    public IReadOnlyList<CatalogOutlet> Outlets { get; }

    public IReadOnlyDictionary<int, CatalogOutlet> OutletById { get; }

    internal int[] OutletOf { get; }

    /// <summary>Unix seconds of each article's publication, or <see cref="Undated"/>.</summary>
    internal long[] SecondsOf { get; }

    /// <summary>Each article's story cluster; 0 for an article alone.</summary>
    internal int[] ClusterOf { get; }

    /// <summary>A story's first publication comes first: dated before undated, then by date, then by id (the first stored).</summary>
    internal static int Earlier(int a, int b, long[] secondsOf) =>
        (secondsOf[a] == Undated).CompareTo(secondsOf[b] == Undated) is var undatedLast && undatedLast != 0 ? undatedLast
        : secondsOf[a].CompareTo(secondsOf[b]) is var byDate && byDate != 0 ? byDate
        : a.CompareTo(b);

    /// <summary>An article's story in the archive: how many articles tell it, and the outlets of the others, earliest first, its own left out.</summary>
    public StoryVersions StoryOf(int id)
    {
        if ((uint)id >= (uint)ClusterOf.Length || !stories.TryGetValue(ClusterOf[id], out var members))
        {
            return StoryVersions.Alone;
        }

        var outlets = members.Select(member => OutletOf[member]).Where(outlet => outlet != OutletOf[id]).Distinct().Select(outlet => OutletById[outlet]).ToList();
        return new StoryVersions(members.Length, outlets);
    }

    /// <summary>Outlets a user named, by name or slug, ignoring case.</summary>
    public IEnumerable<CatalogOutlet> Named(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Outlets.Where(o => wanted.Contains(o.Name) || wanted.Contains(o.Slug));
    }
}
