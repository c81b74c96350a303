using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>An outlet and how many articles it has in the archive.</summary>
public sealed record OutletCount(string Name, string Slug, int Count);

/// <summary>
/// What suggestions and related articles need to know of the whole archive, read once and kept in memory until the
/// archive changes: the index's vocabulary with document counts. (Outlets with their counts are in
/// <see cref="ArchiveSummaryCache"/>.)
/// </summary>
public sealed class ArchiveStatistics
{
    private readonly ArchiveSnapshot<Vocabulary> vocabulary;

    public ArchiveStatistics(ArchiveDatabase database, ArchiveChanges changes)
    {
        // Reading the vocabulary walks the whole index (seconds at a million articles): while ingestion commits a batch
        // a second, it is read again after ten times its read time, so it costs at most a tenth of a core.
        vocabulary = new(changes, () => ReadAsync(database, LoadVocabularyAsync), waitForChanges: false, restPerReadTime: 10);
    }

    /// <summary>How long a caller waits for the vocabulary's first read (about 40 s at a million articles).</summary>
    private static readonly TimeSpan FirstReadWait = TimeSpan.FromSeconds(1);

    /// <summary>Waits until the vocabulary has been read, however long that takes: for a warm-up, not a request.</summary>
    public Task WaitForVocabularyAsync(CancellationToken cancellationToken) => vocabulary.GetAsync(cancellationToken);

    /// <summary>
    /// The vocabulary; while its first read runs past <see cref="FirstReadWait"/>, an empty one: a search then comes
    /// without a spelling suggestion and an article without related articles, instead of waiting for them.
    /// </summary>
    public async Task<Vocabulary> VocabularyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await vocabulary.GetAsync(cancellationToken).WaitAsync(FirstReadWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return Vocabulary.None;
        }
    }

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

}
