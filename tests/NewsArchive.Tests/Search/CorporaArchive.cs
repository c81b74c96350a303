using Microsoft.Extensions.Logging.Abstractions;
using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Search;
using NewsArchive.Core.Storage;

namespace NewsArchive.Tests.Search;

/// <summary>
/// One archive of the whole of ../shared/corpora plus the seeds, built once (about 10 s) for every test class in the
/// <see cref="CorporaArchiveCollection"/>: suggestions and related articles need a real archive's vocabulary.
/// </summary>
public sealed class CorporaArchive : IAsyncLifetime
{
    public TempArchive Archive { get; } = new();

    public ArchiveChanges Changes { get; private set; } = null!;

    public ArchiveStatistics Statistics { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Archive.Database.MigrateAsync();
        var ingestor = new Ingestor(Archive.Database, NullLogger<Ingestor>.Instance);
        await Task.Run(() => ingestor.IngestFolder(new IngestOptions(TestPaths.Corpora)));
        // Soleimani is only in the seeds. The watcher's path adds files and leaves the others, unlike a folder run.
        ingestor.IngestPaths(new IngestOptions(TestPaths.Seeds), Directory.GetFiles(TestPaths.Seeds).Select(Path.GetFileName).OfType<string>());
        Changes = new ArchiveChanges(Archive.Database);
        Statistics = new ArchiveStatistics(Archive.Database, Changes);
    }

    /// <summary>A read-only context, as the web app's pool hands out.</summary>
    public ArchiveDbContext Read() => Archive.Database.CreateContext(readOnly: true);

    /// <summary>The id of the article stored from a corpus file.</summary>
    public int IdOf(string relativePath) => Archive.Scalar<int>($"SELECT Id FROM Articles WHERE RelativePath = '{relativePath}'");

    public Task DisposeAsync()
    {
        Changes.Dispose();
        Archive.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(nameof(CorporaArchiveCollection))]
public sealed class CorporaArchiveCollection : ICollectionFixture<CorporaArchive>;
