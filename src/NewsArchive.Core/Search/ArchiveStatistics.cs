using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>An outlet and how many articles it has in the archive.</summary>
public sealed record OutletCount(string Name, string Slug, int Count);

/// <summary>
/// What suggestions and related articles need to know of the whole archive, read once and kept in memory until the
/// archive changes: the index's vocabulary with document counts, and the outlets with article counts.
/// </summary>
public sealed class ArchiveStatistics
{
    private readonly ArchiveSnapshot<Vocabulary> vocabulary;
    private readonly ArchiveSnapshot<IReadOnlyList<OutletCount>> outlets;

    public ArchiveStatistics(ArchiveDatabase database, ArchiveChanges changes)
    {
        vocabulary = new(changes, () => ReadAsync(database, LoadVocabularyAsync));
        outlets = new(changes, () => ReadAsync(database, LoadOutletsAsync));
    }

    public Task<Vocabulary> VocabularyAsync(CancellationToken cancellationToken) => vocabulary.GetAsync(cancellationToken);

    /// <summary>Every outlet, the largest first.</summary>
    public Task<IReadOnlyList<OutletCount>> OutletsAsync(CancellationToken cancellationToken) => outlets.GetAsync(cancellationToken);

    private static async Task<T> ReadAsync<T>(ArchiveDatabase database, Func<ArchiveDbContext, Task<T>> read)
    {
        await using var db = database.CreateContext(readOnly: true);
        return await read(db);
    }

    private static async Task<Vocabulary> LoadVocabularyAsync(ArchiveDbContext db)
    {
        var terms = await db.QueryAsync(
            "SELECT term, doc FROM ArticlesFtsVocab WHERE doc >= 2", row => (Term: row.GetString(0), Documents: row.GetInt32(1)), CancellationToken.None);
        return new Vocabulary(await db.Articles.CountAsync(), terms.ToDictionary(t => t.Term, t => t.Documents, StringComparer.Ordinal));
    }

    private static async Task<IReadOnlyList<OutletCount>> LoadOutletsAsync(ArchiveDbContext db)
    {
        var outlets = await db.Outlets.Select(o => new { o.Name, o.Slug, Count = db.Articles.Count(a => a.OutletId == o.Id) }).ToListAsync();
        return [.. outlets.OrderByDescending(o => o.Count).ThenBy(o => o.Name, StringComparer.Ordinal).Select(o => new OutletCount(o.Name, o.Slug, o.Count))];
    }
}
