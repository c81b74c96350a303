using Microsoft.Extensions.Logging.Abstractions;
using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;

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
    }

    public TempArchive Archive { get; } = new();

    public ArchiveChanges Changes => changes ??= new ArchiveChanges(Archive.Database);

    public ArchiveCatalog Catalog { get; }

    public AliasList Aliases { get; } = AliasList.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "aliases.txt")));

    private ArchiveChanges? changes;

    /// <summary>The folder to ingest; the archive's own temp corpus unless a subclass names another.</summary>
    protected virtual string CorpusFolder => Archive.Corpus;

    public virtual async Task InitializeAsync()
    {
        await Archive.Database.MigrateAsync();
        new Ingestor(Archive.Database, NullLogger<Ingestor>.Instance).IngestFolder(new IngestOptions(CorpusFolder));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<ArticleResults> SearchAsync(
        string? q = null, string[]? outlet = null, string? from = null, string? to = null, string? sort = null, int page = 1, int pageSize = 20)
    {
        var query = new ArticleQueryRequest(q, outlet, from, to, sort, page.ToString(System.Globalization.CultureInfo.InvariantCulture), pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Validate(out var errors, Aliases);
        Assert.True(query is not null, string.Join("; ", errors.SelectMany(e => e.Value)));
        await using var db = Archive.Database.CreateContext(readOnly: true);
        return await new SqliteArticleSearch(db, Catalog).SearchAsync(query);
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
            Catalog.Dispose();
            changes?.Dispose();
            Archive.Dispose();
        }
    }
}

/// <summary>All of ../shared/corpora (about 26,500 articles), ingested once for the search tests that need real data.</summary>
public sealed class CorporaArchive : SearchableArchive
{
    protected override string CorpusFolder => TestPaths.Corpora;
}

[CollectionDefinition(Name)]
public sealed class CorporaCollection : ICollectionFixture<CorporaArchive>
{
    public const string Name = "Corpora archive";
}
