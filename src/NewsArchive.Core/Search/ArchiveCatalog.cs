using NewsArchive.Core.Entities;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// Every article's outlet, date and entities, by id, in memory. Filters, facet counts and date order are then array
/// lookups over the ids the full-text index returns, instead of a join per match: with a term that matches most of a
/// million articles, that is the difference between milliseconds and seconds. Reloaded whenever the archive changes.
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
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            outletOf[id] = reader.GetInt32(1);
            secondsOf[id] = reader.IsDBNull(2) ? CatalogSnapshot.Undated : reader.GetInt64(2);
        }

        return new CatalogSnapshot(outlets, outletOf, secondsOf, CatalogEntities.None);
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

    internal CatalogSnapshot(IReadOnlyList<CatalogOutlet> outlets, int[] outletOf, long[] secondsOf, CatalogEntities entities)
        : this(outlets, outlets.ToDictionary(o => o.Id), outletOf, secondsOf, entities)
    {
    }

    private CatalogSnapshot(IReadOnlyList<CatalogOutlet> outlets, IReadOnlyDictionary<int, CatalogOutlet> outletById, int[] outletOf, long[] secondsOf, CatalogEntities entities)
    {
        Outlets = outlets;
        OutletById = outletById;
        OutletOf = outletOf;
        SecondsOf = secondsOf;
        Entities = entities;
    }

    public CatalogEntities Entities { get; }

    public IReadOnlyList<CatalogOutlet> Outlets { get; }

    public IReadOnlyDictionary<int, CatalogOutlet> OutletById { get; }

    internal int[] OutletOf { get; }

    /// <summary>Unix seconds of each article's publication, or <see cref="Undated"/>.</summary>
    internal long[] SecondsOf { get; }

    /// <summary>The entities of one kind named by the most articles, most first.</summary>
    public IReadOnlyList<CatalogEntity> TopEntities(EntityKind kind, int count) =>
        [.. Entities.ById.OfType<CatalogEntity>().Where(e => e.Kind == kind && e.Articles > 0)
            .OrderByDescending(e => e.Articles).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Take(count)];

    /// <summary>This catalog with another entity map: the two are read apart (see <see cref="ArchiveCatalog"/>).</summary>
    internal CatalogSnapshot With(CatalogEntities entities) => new(Outlets, OutletById, OutletOf, SecondsOf, entities);

    /// <summary>Outlets a user named, by name or slug, ignoring case.</summary>
    public IEnumerable<CatalogOutlet> Named(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Outlets.Where(o => wanted.Contains(o.Name) || wanted.Contains(o.Slug));
    }
}
