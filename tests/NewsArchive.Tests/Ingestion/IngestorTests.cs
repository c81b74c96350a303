using NewsArchive.Core.Ingestion;

namespace NewsArchive.Tests.Ingestion;

public sealed class IngestorTests
{
    private const string Seed000 = "000_5faf77dbe6b16ab2.txt";

    [Fact]
    public async Task Seeds_are_stored_with_their_outlets_and_indexed()
    {
        using var archive = TempArchive.WithSeeds();

        var report = await archive.IngestAsync();

        Assert.Equal((5, 0, 0, 0, 0), (report.Added, report.Updated, report.Unchanged, report.Removed, report.Skipped.Count));
        Assert.Equal(
            ["fars-news-agency|Fars News Agency", "press-tv|Press TV", "rasa-news-agency|Rasa News Agency"],
            archive.Column("SELECT Slug || '|' || Name FROM Outlets ORDER BY Slug"));
        Assert.Equal(["2014-11-12 15:18:00", "2016-09-05 23:37:00"], archive.Column("SELECT PublishedAt FROM Articles WHERE PublishedAt IS NOT NULL ORDER BY 1"));
        // Stemmed and case-folded: "cooperate" finds every seed, all of which speak of cooperation.
        Assert.Equal(5, archive.Matching("cooperate").Count);
        Assert.Equal(["002_d0c6aed771c1a732.txt"], archive.Matching("soleimani"));
        archive.AssertConsistent();
    }

    [Fact]
    public async Task A_second_run_over_an_unchanged_folder_writes_no_article()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        var before = archive.Column("SELECT Id || IngestedAt FROM Articles ORDER BY Id");

        var report = await archive.IngestAsync();

        Assert.Equal((0, 0, 5, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.False(report.WroteAnything);
        Assert.Equal(before, archive.Column("SELECT Id || IngestedAt FROM Articles ORDER BY Id"));
    }

    [Fact]
    public async Task A_touched_file_with_the_same_content_is_unchanged()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        File.SetLastWriteTimeUtc(Path.Combine(archive.Corpus, Seed000), DateTime.UtcNow.AddMinutes(5));

        var report = await archive.IngestAsync();

        Assert.Equal((0, 0, 5, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
    }

    [Fact]
    public async Task A_changed_file_updates_its_article_and_its_index_entry()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        var id = archive.Scalar<long>($"SELECT Id FROM Articles WHERE RelativePath = '{Seed000}'");
        archive.Write(Seed000, "Kuwait hosts regional talks on water\n\nDelegates from six countries met in Kuwait City to discuss desalination.\n\nBy Press TV");

        var report = await archive.IngestAsync();

        Assert.Equal((0, 1, 4, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Equal("Kuwait hosts regional talks on water", archive.Scalar<string>($"SELECT Title FROM Articles WHERE Id = {id}"));
        Assert.Equal([Seed000], archive.Matching("desalination"));
        Assert.DoesNotContain(Seed000, archive.Matching("enayati"));
        archive.AssertConsistent();
    }

    [Fact]
    public async Task A_deleted_file_removes_its_article_and_an_outlet_left_empty()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        File.Delete(Path.Combine(archive.Corpus, Seed000));

        var report = await archive.IngestAsync();

        Assert.Equal((0, 0, 4, 1), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Empty(archive.Matching("enayati"));
        Assert.DoesNotContain("Press TV", archive.Column("SELECT Name FROM Outlets"));
        archive.AssertConsistent();
    }

    [Fact]
    public async Task Bad_files_are_reported_and_skipped_and_the_run_goes_on()
    {
        using var archive = TempArchive.WithSeeds();
        archive.Write("bad/empty.txt", "");
        archive.Write("bad/blank.txt", " \n\t\r\n  \n");
        archive.Write("bad/binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x00, 0x08]);
        archive.Write("bad/huge.txt", "Huge file\n\n" + new string('x', 20_000));
        archive.Write("notes.md", "not an article file: ignored");

        var report = await archive.IngestAsync(maxFileBytes: 10_000);

        Assert.Equal(5, report.Added);
        var reasons = report.Skipped.ToDictionary(s => s.RelativePath, s => s.Reason);
        Assert.Equal(["bad/binary.txt", "bad/blank.txt", "bad/empty.txt", "bad/huge.txt"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("empty", reasons["bad/empty.txt"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("whitespace", reasons["bad/blank.txt"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("binary", reasons["bad/binary.txt"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("MB limit", reasons["bad/huge.txt"], StringComparison.Ordinal);
        Assert.Equal(5, archive.Scalar<long>("SELECT count(*) FROM Articles"));
    }

    [Fact]
    public async Task A_good_article_rewritten_as_junk_keeps_its_last_good_version()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        archive.Write(Seed000, "");

        var report = await archive.IngestAsync();

        Assert.Equal([Seed000], report.Skipped.Select(s => s.RelativePath));
        Assert.Equal("Iran offers anti-Daesh cooperation with PG states", archive.Scalar<string>($"SELECT Title FROM Articles WHERE RelativePath = '{Seed000}'"));
    }

    [Fact]
    public async Task Symbolic_link_loops_are_not_followed()
    {
        using var archive = TempArchive.WithSeeds();
        Directory.CreateSymbolicLink(Path.Combine(archive.Corpus, "loop"), archive.Corpus);

        var report = await archive.IngestAsync();

        Assert.Equal(5, report.Added);
        Assert.Equal(5, archive.Scalar<long>("SELECT count(*) FROM Articles"));
    }

    [Fact]
    public async Task Files_are_keyed_by_their_path_relative_to_the_corpus_root()
    {
        using var archive = new TempArchive();
        archive.Write("world/2016/a.txt", "Talks resume in Geneva\n\nDiplomats met again on Monday.");
        archive.Write("README.txt", "About this folder: not an article.");

        await archive.IngestAsync();

        Assert.Equal(["world/2016/a.txt"], archive.Column("SELECT RelativePath FROM Articles"));
    }

    [Fact]
    public async Task Changed_paths_alone_can_be_ingested_as_the_watcher_does()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        archive.Write("new/one.txt", "Flooding closes Basra port\n\nHeavy rain closed the port on Tuesday.");
        File.Delete(Path.Combine(archive.Corpus, Seed000));
        var ingestor = new Ingestor(archive.Database, Microsoft.Extensions.Logging.Abstractions.NullLogger<Ingestor>.Instance);

        var report = ingestor.IngestPaths(new IngestOptions(archive.Corpus), ["new/one.txt", Seed000]);

        Assert.Equal((1, 1), (report.Added, report.Removed));
        Assert.Equal(["new/one.txt"], archive.Matching("basra"));
        archive.AssertConsistent();
    }
}
