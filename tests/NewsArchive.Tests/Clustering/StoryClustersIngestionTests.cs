using Microsoft.Extensions.Logging.Abstractions;
using NewsArchive.Core.Clustering;
using NewsArchive.Core.Ingestion;

namespace NewsArchive.Tests.Clustering;

/// <summary>Story clusters as ingestion keeps them in a real SQLite file: formed, kept across runs, split when an article goes.</summary>
public sealed class StoryClustersIngestionTests : IDisposable
{
    private static readonly string[] Republished = [PlantedStories.Original, PlantedStories.PressTv, PlantedStories.Tasnim];

    private readonly TempArchive archive = TempArchive.WithSeeds();

    public StoryClustersIngestionTests() => PlantedStories.Plant(archive);

    public void Dispose() => archive.Dispose();

    [Fact]
    public async Task Republications_form_one_story_and_the_other_seeds_stay_alone()
    {
        await archive.IngestAsync();

        Assert.Equal(Republished.Order(StringComparer.Ordinal), StoryOf(PlantedStories.Original));
        Assert.All(Directory.GetFiles(TestPaths.Seeds).Select(Path.GetFileName).Except(Republished), seed => Assert.Empty(StoryOf(seed!)));
        // Every article signed; long texts have a key per band and one for the exact text.
        Assert.Equal(archive.Scalar<long>("SELECT count(*) FROM Articles"), archive.Scalar<long>("SELECT count(*) FROM ArticleSignatures"));
        Assert.Equal(archive.Scalar<long>("SELECT count(*) FROM Articles") * (StorySignature.Bands + 1), archive.Scalar<long>("SELECT count(*) FROM SignatureBands"));
        archive.AssertConsistent();
    }

    [Fact]
    public async Task Stories_survive_a_new_run_and_a_new_copy_joins_its_story()
    {
        await archive.IngestAsync();
        var before = ClusterIds();

        var report = await archive.IngestAsync();
        Assert.False(report.WroteAnything);
        Assert.Equal(before, ClusterIds());

        // A new writer and a new run: the copy meets the story through the stored keys alone.
        archive.Write("planted/copy/fars-again.txt", File.ReadAllBytes(Path.Combine(TestPaths.Seeds, PlantedStories.Original)));
        new Ingestor(archive.Database, NullLogger<Ingestor>.Instance).IngestPaths(new IngestOptions(archive.Corpus), ["planted/copy/fars-again.txt"]);

        Assert.Equal(Republished.Append("planted/copy/fars-again.txt").Order(StringComparer.Ordinal), StoryOf(PlantedStories.Original));
        Assert.Equal(before[PlantedStories.Original], ClusterIds()["planted/copy/fars-again.txt"]);
    }

    [Fact]
    public async Task A_deleted_or_changed_article_leaves_its_story_and_the_rest_stays_together()
    {
        await archive.IngestAsync();

        File.Delete(Path.Combine(archive.Corpus, PlantedStories.Original));
        await archive.IngestAsync();
        var left = StoryOf(PlantedStories.Tasnim);
        Assert.Equal([PlantedStories.PressTv, PlantedStories.Tasnim], left);
        // The story's id is one of its articles'.
        Assert.Contains(ClusterIds()[PlantedStories.Tasnim]!.Value, archive.Column($"SELECT Id FROM Articles WHERE RelativePath IN ('{left[0]}', '{left[1]}')").Select(int.Parse));

        // Rewritten as a copy of another seed: it leaves this story for that one.
        var rasa = Directory.GetFiles(TestPaths.Seeds, "004_*").Single();
        archive.Write(PlantedStories.PressTv, File.ReadAllText(rasa) + "\n\nBy Press TV");
        await archive.IngestAsync();
        Assert.Empty(StoryOf(PlantedStories.Tasnim));
        Assert.Equal([Path.GetFileName(rasa), PlantedStories.PressTv], StoryOf(PlantedStories.PressTv));

        Assert.Equal(0, archive.Scalar<long>("SELECT count(*) FROM SignatureBands WHERE ArticleId NOT IN (SELECT Id FROM Articles)"));
        Assert.Equal(0, archive.Scalar<long>("SELECT count(*) FROM ArticleSignatures WHERE ArticleId NOT IN (SELECT Id FROM Articles)"));
        archive.AssertConsistent();
    }

    /// <summary>
    /// A, B and C tell one long story; A and C each leave out a different end of it, too much for them to be one
    /// story, but each is close to B. With B they are one cluster; without B, two articles alone.
    /// </summary>
    [Fact]
    public async Task A_story_held_together_by_one_article_splits_when_it_goes()
    {
        var paragraphs = Directory.GetFiles(TestPaths.Seeds).Order(StringComparer.Ordinal)
            .SelectMany(seed => File.ReadAllText(seed).Split("\n\n").Skip(1))
            .ToArray();
        var end = paragraphs.Length / 8;
        archive.Write("chain/a.txt", Article("Chain A", paragraphs[..^end]));
        archive.Write("chain/b.txt", Article("Chain B", paragraphs));
        archive.Write("chain/c.txt", Article("Chain C", paragraphs[end..]));
        await archive.IngestAsync();

        var (a, b, c) = (Signature("chain/a.txt"), Signature("chain/b.txt"), Signature("chain/c.txt"));
        Assert.True(a.Similarity(b) >= StorySignature.Threshold && c.Similarity(b) >= StorySignature.Threshold, "A and C are each one story with B");
        Assert.True(a.Similarity(c) < StorySignature.Threshold, $"A and C are not one story: {a.Similarity(c):F2}");
        Assert.Equal(["chain/a.txt", "chain/b.txt", "chain/c.txt"], StoryOf("chain/b.txt"));

        File.Delete(Path.Combine(archive.Corpus, "chain/b.txt"));
        await archive.IngestAsync();

        Assert.Empty(StoryOf("chain/a.txt"));
        Assert.Empty(StoryOf("chain/c.txt"));
    }

    [Fact]
    public async Task An_archive_made_before_entities_and_story_clusters_gets_both_from_its_next_run()
    {
        await archive.IngestAsync();
        var entities = archive.Column("SELECT a.RelativePath || '|' || e.Name || '|' || m.Mentions FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId JOIN Articles a ON a.Id = m.ArticleId ORDER BY 1");
        archive.Execute("DELETE FROM SignatureBands; DELETE FROM ArticleSignatures; DELETE FROM ArticleEntities; DELETE FROM Entities;");

        // Batches of three: the upgrade goes through the archive in several.
        var report = await archive.IngestAsync(batchSize: 3);

        Assert.False(report.WroteAnything);
        Assert.Equal(Republished.Order(StringComparer.Ordinal), StoryOf(PlantedStories.Original));
        Assert.Equal(archive.Scalar<long>("SELECT count(*) FROM Articles"), archive.Scalar<long>("SELECT count(*) FROM ArticleSignatures"));
        Assert.NotEmpty(entities);
        Assert.Equal(entities, archive.Column("SELECT a.RelativePath || '|' || e.Name || '|' || m.Mentions FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId JOIN Articles a ON a.Id = m.ArticleId ORDER BY 1"));
        archive.AssertEntitiesMatchFiles();
    }

    private static string Article(string title, IEnumerable<string> paragraphs) =>
        $"{title}\nSource: Press TV\nDate: 2016-03-01\n\n{string.Join("\n\n", paragraphs)}";

    /// <summary>The files of the article's story, itself included, in path order; none when it is alone.</summary>
    private List<string> StoryOf(string path) => archive.Column($"""
        SELECT a.RelativePath FROM Articles a JOIN ArticleSignatures s ON s.ArticleId = a.Id
        WHERE s.ClusterId = (SELECT s2.ClusterId FROM ArticleSignatures s2 JOIN Articles a2 ON a2.Id = s2.ArticleId WHERE a2.RelativePath = '{path}')
        ORDER BY a.RelativePath
        """);

    private Dictionary<string, int?> ClusterIds() =>
        archive.Column("SELECT a.RelativePath || '|' || coalesce(s.ClusterId, '') FROM Articles a JOIN ArticleSignatures s ON s.ArticleId = a.Id")
            .Select(row => row.Split('|'))
            .ToDictionary(row => row[0], row => row[1].Length == 0 ? (int?)null : int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture));

    private StorySignature Signature(string path) => StorySignature.Of(
        archive.Column($"SELECT Title FROM Articles WHERE RelativePath = '{path}'").Single(),
        archive.Column($"SELECT Body FROM Articles WHERE RelativePath = '{path}'").Single());
}
