using NewsArchive.Core.Search;
using NewsArchive.Core.Storage;

namespace NewsArchive.Tests.Storage;

/// <summary>The archive summary (outlets with counts and spans, last run) and its cache, over the seeds in a real SQLite file.</summary>
public sealed class ArchiveSummaryTests : IDisposable
{
    private readonly TempArchive archive = TempArchive.WithSeeds();

    public void Dispose() => archive.Dispose();

    [Fact]
    public async Task Summary_counts_every_outlet_largest_first_with_the_span_of_its_dated_articles()
    {
        await archive.IngestAsync();
        await using var db = archive.Database.CreateContext(readOnly: true);

        var summary = await ArchiveSummary.ReadAsync(db);

        Assert.Equal(["fars-news-agency", "rasa-news-agency", "press-tv"], summary.Outlets.Select(o => o.Slug));
        Assert.Equal([2, 2, 1], summary.Outlets.Select(o => o.Articles));
        Assert.Equal(archive.Scalar<int>("SELECT count(*) FROM Articles"), summary.Articles);
        var fars = summary.Outlet("fars-news-agency")!;
        Assert.Equal("Fars News Agency", fars.Name);
        // One Fars seed is dated, the other is not: the span is that one date, the undated one does not widen it.
        Assert.Equal(new DateTime(2014, 11, 12, 15, 18, 0), fars.FirstPublished);
        Assert.Equal(fars.FirstPublished, fars.LastPublished);
        Assert.Null(summary.Outlet("press-tv")!.FirstPublished);
        Assert.Null(summary.Outlet("no-such-outlet"));
        Assert.Equal(5, summary.LastRun?.Added);
        Assert.NotNull(summary.LastRun?.FinishedAt);
    }

    [Fact]
    public async Task Cache_reads_once_while_the_archive_is_unchanged_and_again_after_a_change()
    {
        await archive.IngestAsync();
        using var changes = new ArchiveChanges(archive.Database);
        var cache = new ArchiveSummaryCache(archive.Database, changes, refreshAtMostEvery: TimeSpan.Zero);

        var first = await cache.GetAsync();
        Assert.Same(first, await cache.GetAsync());

        archive.Write("late.txt", "Late filing from Basra\nSource: Reuters\nDate: 2019-03-04\n\nThe port reopened on Monday.");
        await archive.IngestAsync();
        var after = await cache.GetAsync();

        Assert.NotSame(first, after);
        Assert.Equal(6, after.Articles);
        Assert.Equal(1, after.Outlet("reuters")?.Articles);
        Assert.Equal(1, after.LastRun?.Added);
    }

    [Fact]
    public async Task Cache_serves_a_summary_younger_than_its_refresh_interval_even_after_a_change()
    {
        await archive.IngestAsync();
        using var changes = new ArchiveChanges(archive.Database);
        var cache = new ArchiveSummaryCache(archive.Database, changes, refreshAtMostEvery: TimeSpan.FromHours(1));
        var first = await cache.GetAsync();

        archive.Write("late.txt", "Late filing from Basra\nSource: Reuters\nDate: 2019-03-04\n\nThe port reopened on Monday.");
        await archive.IngestAsync();

        Assert.Same(first, await cache.GetAsync());
    }
}
