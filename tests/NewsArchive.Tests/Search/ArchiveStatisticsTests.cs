using NewsArchive.Core.Search;

namespace NewsArchive.Tests.Search;

/// <summary>The in-memory vocabulary against a small archive that changes under it.</summary>
public sealed class ArchiveStatisticsTests
{
    [Fact]
    public async Task Counts_the_archive_and_follows_it_when_another_connection_writes()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        using var changes = new ArchiveChanges(archive.Database);
        var statistics = new ArchiveStatistics(archive.Database, changes);

        var vocabulary = await statistics.VocabularyAsync(CancellationToken.None);

        Assert.Equal(5, vocabulary.Articles);
        Assert.Equal(archive.Scalar<int>("SELECT doc FROM ArticlesFtsVocab WHERE term = 'iran'"), vocabulary.DocumentsWith("iran"));
        Assert.Equal(0, vocabulary.DocumentsWith("soleimani")); // in one article only

        archive.Write("soleimani.txt", "Soleimani visits Baghdad\n\nGeneral Qassem Soleimani met Iraqi officials in Baghdad.");
        await archive.IngestAsync();

        // The next read starts loading the new state and may still answer with the previous one.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await statistics.VocabularyAsync(CancellationToken.None)).Articles == 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        vocabulary = await statistics.VocabularyAsync(CancellationToken.None);
        Assert.Equal(6, vocabulary.Articles);
        Assert.Equal(2, vocabulary.DocumentsWith("soleimani"));
    }
}
