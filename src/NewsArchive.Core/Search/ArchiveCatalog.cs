using NewsArchive.Core.Entities;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// Every article's outlet, date, story cluster and entities, by id, in memory. Filters, facet counts, date order and
/// the grouping of a story's versions are then array lookups over the ids the full-text index returns, instead of a
/// join per match: with a term that matches most of a million articles, that is the difference between milliseconds
/// and seconds. Reloaded whenever the archive changes.
/// </summary>
public sealed class ArchiveCatalog(ArchiveDatabase database, ArchiveChanges changes)
{
    // Searches wait for a reload after a change: a result must hold what was just committed.
    private readonly ArchiveSnapshot<CatalogSnapshot> snapshot = new(changes, () => LoadAsync(database), waitForChanges: true);

    // The entity map is the catalog's largest part (4 bytes a mention, some 13 mentions an article) and takes several
    // times as long to read: searches wait only for the first read, then use the last one while a newer one loads,
    // at most every two seconds while ingestion commits. An article newer than the map names no entity until the next.
    private readonly ArchiveSnapshot<CatalogEntities> entities = new(changes, () => LoadEntitiesAsync(database), waitForChanges: false, TimeSpan.FromSeconds(2));

    public async Task<CatalogSnapshot> CurrentAsync(CancellationToken cancellationToken = default) =>
        (await snapshot.GetAsync(cancellationToken)).With(await entities.GetAsync(cancellationToken));

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
        var (first, last) = (long.MaxValue, long.MinValue);
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            outletOf[id] = reader.GetInt32(1);
            secondsOf[id] = reader.IsDBNull(2) ? CatalogSnapshot.Undated : reader.GetInt64(2);
            if (secondsOf[id] != CatalogSnapshot.Undated)
            {
                (first, last) = (Math.Min(first, secondsOf[id]), Math.Max(last, secondsOf[id]));
            }
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
        return new CatalogSnapshot(outlets, outletOf, secondsOf, first <= last ? (first, last) : null, clusterOf, stories, CatalogEntities.None);
    }

    /// <summary>
    /// Each article's entity ids in two arrays (those of article <c>a</c> are <c>Ids[Start[a]..Start[a + 1]]</c>, in
    /// id order): 4 bytes per mention and per article, where lists would cost an object each.
    /// </summary>
    private static async Task<CatalogEntities> LoadEntitiesAsync(ArchiveDatabase database)
    {
        await using var db = database.CreateContext(readOnly: true);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var maxArticleId = (await db.QueryAsync("SELECT coalesce(max(Id), 0) FROM Articles", row => row.GetInt32(0), CancellationToken.None))[0];
        var entities = await db.QueryAsync(
            "SELECT Id, Kind, Name, Slug FROM Entities", row => (Id: row.GetInt32(0), Kind: (EntityKind)row.GetInt32(1), Name: row.GetString(2), Slug: row.GetString(3)), CancellationToken.None);
        var mentions = (await db.QueryAsync("SELECT count(*) FROM ArticleEntities", row => row.GetInt32(0), CancellationToken.None))[0];
        var start = new int[maxArticleId + 2];
        var ids = new int[mentions];
        var articles = new int[entities.Count == 0 ? 1 : entities.Max(e => e.Id) + 1];
        // In the table's own key order (ArticleId, EntityId): no sort, the ids grouped by article. Without the ORDER BY,
        // SQLite reads the smaller (EntityId) index instead, grouped by entity.
        await using var command = await db.CommandAsync("SELECT ArticleId, EntityId FROM ArticleEntities ORDER BY ArticleId, EntityId", CancellationToken.None);
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        var article = 0;
        while (reader.Read() && count < ids.Length)
        {
            var next = reader.GetInt32(0);
            if (next > maxArticleId)
            {
                break;
            }

            for (; article < next; article++)
            {
                start[article + 1] = count;
            }

            var entity = reader.GetInt32(1);
            ids[count++] = entity;
            articles[entity]++;
        }

        for (; article <= maxArticleId; article++)
        {
            start[article + 1] = count;
        }

        var byId = new CatalogEntity?[articles.Length];
        foreach (var (id, kind, name, slug) in entities)
        {
            byId[id] = new CatalogEntity(id, kind, name, slug, articles[id]);
        }

        return new CatalogEntities(byId, start, ids);
    }
}

public sealed record CatalogOutlet(int Id, string Name, string Slug);

/// <summary>The articles that tell one story: how many, and the outlets besides the one at hand that published it.</summary>
public sealed record StoryVersions(int Count, IReadOnlyList<CatalogOutlet> AlsoPublishedBy)
{
    public static StoryVersions Alone { get; } = new(1, []);
}

/// <summary>An entity and how many articles name it.</summary>
public sealed record CatalogEntity(int Id, EntityKind Kind, string Name, string Slug, int Articles);

/// <summary>The entities of the catalog: by id and by slug, and each article's entity ids (see <see cref="ArchiveCatalog"/>).</summary>
public sealed class CatalogEntities
{
    internal CatalogEntities(CatalogEntity?[] byId, int[] start, int[] ids)
    {
        ById = byId;
        Start = start;
        Ids = ids;
        BySlug = byId.OfType<CatalogEntity>().ToDictionary(e => e.Slug, StringComparer.Ordinal);
    }

    internal static CatalogEntities None { get; } = new([null], [0], []);

    /// <summary>Entities by slug; those no article names (until the next ingestion run removes them) included.</summary>
    public IReadOnlyDictionary<string, CatalogEntity> BySlug { get; }

    internal CatalogEntity?[] ById { get; }

    internal int[] Start { get; }

    internal int[] Ids { get; }

    /// <summary>The entity ids of an article, in id order; none for an article newer than this map.</summary>
    internal ReadOnlySpan<int> Of(int article) =>
        article + 1 < Start.Length ? Ids.AsSpan(Start[article], Start[article + 1] - Start[article]) : [];
}

/// <summary>The catalog at one moment: <c>OutletOf[id]</c> is 0 for ids with no article.</summary>
public sealed class CatalogSnapshot
{
    /// <summary>Stands for "no date" in <see cref="SecondsOf"/>; sorts below every real date.</summary>
    public const long Undated = long.MinValue;

    private static int generations;

    /// <summary>The members of each story cluster, earliest first (see <see cref="Earlier"/>).</summary>
    private readonly Dictionary<int, int[]> stories;

    internal CatalogSnapshot(
        IReadOnlyList<CatalogOutlet> outlets, int[] outletOf, long[] secondsOf, (long First, long Last)? datedSpan, int[] clusterOf, Dictionary<int, int[]> stories, CatalogEntities entities)
    {
        Entities = entities;
        Generation = Interlocked.Increment(ref generations);
        Outlets = outlets;
        OutletOf = outletOf;
        SecondsOf = secondsOf;
        DatedSpan = datedSpan;
        ClusterOf = clusterOf;
        this.stories = stories;
        OutletById = outlets.ToDictionary(o => o.Id);
        // Once per article here, instead of a date conversion per match in every pass that counts years or months.
        MonthOf = new int[secondsOf.Length];
        for (var id = 0; id < secondsOf.Length; id++)
        {
            MonthOf[id] = secondsOf[id] == Undated ? 0 : MonthNumber(secondsOf[id]);
        }

        FirstYear = datedSpan is { } span ? MonthNumber(span.First) / 12 : 0;
        Years = datedSpan is { } dated ? MonthNumber(dated.Last) / 12 - FirstYear + 1 : 0;
    }

    /// <summary>The same outlets and dates with another entity map: the two are read apart (see <see cref="ArchiveCatalog"/>).</summary>
    private CatalogSnapshot(CatalogSnapshot source, CatalogEntities entities)
    {
        Generation = source.Generation;
        Outlets = source.Outlets;
        OutletById = source.OutletById;
        OutletOf = source.OutletOf;
        SecondsOf = source.SecondsOf;
        DatedSpan = source.DatedSpan;
        ClusterOf = source.ClusterOf;
        stories = source.stories;
        MonthOf = source.MonthOf;
        FirstYear = source.FirstYear;
        Years = source.Years;
        Entities = entities;
    }

    /// <summary>
    /// Counts up with each read of the outlets and dates: a higher one holds a later state of the archive. The entity
    /// map does not count: matches and dates do not depend on it.
    /// </summary>
    public int Generation { get; }

    public CatalogEntities Entities { get; }

    public IReadOnlyList<CatalogOutlet> Outlets { get; }

    public IReadOnlyDictionary<int, CatalogOutlet> OutletById { get; }

    internal int[] OutletOf { get; }

    /// <summary>Unix seconds of each article's publication, or <see cref="Undated"/>.</summary>
    internal long[] SecondsOf { get; }

    /// <summary>Each article's story cluster; 0 for an article alone.</summary>
    internal int[] ClusterOf { get; }

    /// <summary>Unix seconds of the earliest and the latest dated article; null when none is dated.</summary>
    internal (long First, long Last)? DatedSpan { get; }

    /// <summary>The <see cref="MonthNumber(DateTime)"/> of each article's publication; 0 when undated.</summary>
    internal int[] MonthOf { get; }

    /// <summary>The year of the earliest dated article, and how many years the dated articles span.</summary>
    internal int FirstYear { get; }

    internal int Years { get; }

    /// <summary>Months since January of year 0: consecutive months are consecutive numbers.</summary>
    public static int MonthNumber(DateTime value) => value.Year * 12 + value.Month - 1;

    public static int MonthNumber(long seconds) => MonthNumber(DateTime.UnixEpoch.AddSeconds(seconds));

    /// <summary>The entities of one kind named by the most articles, most first.</summary>
    public IReadOnlyList<CatalogEntity> TopEntities(EntityKind kind, int count) =>
        [.. Entities.ById.OfType<CatalogEntity>().Where(e => e.Kind == kind && e.Articles > 0)
            .OrderByDescending(e => e.Articles).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Take(count)];

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

    /// <summary>This catalog with another entity map.</summary>
    internal CatalogSnapshot With(CatalogEntities entities) => new(this, entities);

    /// <summary>Outlets a user named, by name or slug, ignoring case.</summary>
    public IEnumerable<CatalogOutlet> Named(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Outlets.Where(o => wanted.Contains(o.Name) || wanted.Contains(o.Slug));
    }
}
