using Microsoft.Extensions.Logging.Abstractions;
using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;
using NewsArchive.Core.Storage;
using NewsArchive.Tests.Api;

namespace NewsArchive.Tests.Search;

/// <summary>
/// An ingested archive searched through the real engine, as the web app does: a read-only context per search,
/// one catalog for all of them, the alias list the app ships with.
/// </summary>
public abstract class SearchableArchive : IAsyncLifetime, IDisposable
{
    protected SearchableArchive()
    {
        Catalog = new ArchiveCatalog(Archive.Database, Changes);
        Matches = new MatchCache(Archive.Database, new SearchLimits());
    }

    public TempArchive Archive { get; } = new();

    public ArchiveChanges Changes => changes ??= new ArchiveChanges(Archive.Database);

    public ArchiveCatalog Catalog { get; }

    public MatchCache Matches { get; }

    public ArchiveStatistics Statistics => statistics ??= new ArchiveStatistics(Archive.Database, Changes);

    public ArchiveSummaryCache Summaries => summaries ??= new ArchiveSummaryCache(Archive.Database, Changes);

    public AliasList Aliases { get; } = AliasList.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "aliases.txt")));

    private ArchiveChanges? changes;
    private ArchiveStatistics? statistics;
    private ArchiveSummaryCache? summaries;

    /// <summary>The folder to ingest; the archive's own temp corpus unless a subclass names another.</summary>
    protected virtual string CorpusFolder => Archive.Corpus;

    public virtual async Task InitializeAsync()
    {
        await Archive.Database.MigrateAsync();
        Ingest();
        // As the app's warm-up does: a request waits only a second for the vocabulary's first read.
        await Statistics.WaitForVocabularyAsync(CancellationToken.None);
    }

    /// <summary>Writes an article file into the archive's corpus: headline, outlet, date (none when null), body.</summary>
    public void Plant(string file, string title, string outlet, string? date, string body) =>
        Archive.Write(file, $"{title}\nSource: {outlet}\n{(date is null ? "" : $"Date: {date}\n")}\n{body}");

    protected virtual void Ingest() =>
        new Ingestor(Archive.Database, NullLogger<Ingestor>.Instance).IngestFolder(new IngestOptions(CorpusFolder));

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<ArticleResults> SearchAsync(
        string? q = null, string[]? outlet = null, string? from = null, string? to = null, string? sort = null, int page = 1, int pageSize = 20)
    {
        var query = new ArticleQueryRequest(q, outlet, from, to, sort, page.ToString(System.Globalization.CultureInfo.InvariantCulture), pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Validate(out var errors, Aliases);
        Assert.True(query is not null, string.Join("; ", errors.SelectMany(e => e.Value)));
        await using var db = Archive.Database.CreateContext(readOnly: true);
        return await new SqliteArticleSearch(db, Catalog, Matches, new SpellingSuggester(db, Statistics)).SearchAsync(query);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            changes?.Dispose();
            Matches.Dispose();
            Archive.Dispose();
        }
    }
}

/// <summary>
/// One archive of the whole of ../shared/corpora plus the seeds, built once (about 10 s) for every test class in the
/// <see cref="CorporaArchiveCollection"/>: search, suggestions and related articles on a real archive's vocabulary, in
/// the engine and through the app (<see cref="App"/>).
/// </summary>
public sealed class CorporaArchive : SearchableArchive
{
    protected override string CorpusFolder => TestPaths.Corpora;

    protected override void Ingest()
    {
        base.Ingest();
        // Soleimani is only in the seeds. The watcher's path adds files and leaves the others, unlike a folder run.
        new Ingestor(Archive.Database, NullLogger<Ingestor>.Instance)
            .IngestPaths(new IngestOptions(TestPaths.Seeds), Directory.GetFiles(TestPaths.Seeds).Select(Path.GetFileName).OfType<string>());
    }

    /// <summary>A read-only context, as the web app's pool hands out.</summary>
    public ArchiveDbContext Read() => Archive.Database.CreateContext(readOnly: true);

    /// <summary>The id of the article stored from a corpus file.</summary>
    public int IdOf(string relativePath) => Archive.Scalar<int>($"SELECT Id FROM Articles WHERE RelativePath = '{relativePath}'");

    /// <summary>The web app serving this archive, for tests through HTTP where its size matters; started on first use.</summary>
    public ArchiveAppFactory App => app ??= ArchiveAppFactory.Serving(Archive);

    private ArchiveAppFactory? app;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            app?.Dispose();
        }

        base.Dispose(disposing);
    }
}

[CollectionDefinition(nameof(CorporaArchiveCollection))]
public sealed class CorporaArchiveCollection : ICollectionFixture<CorporaArchive>;
