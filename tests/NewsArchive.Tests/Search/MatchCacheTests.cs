using Microsoft.Extensions.Logging.Abstractions;
using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Search;

namespace NewsArchive.Tests.Search;

public sealed class HarbourArchive : SearchableArchive
{
    public override Task InitializeAsync()
    {
        Plant("a.txt", "Harbour reopens", "Gulf Times", "2015-03-02", "The harbour reopened to ships on Monday.");
        Plant("b.txt", "Storm closes harbour", "Arab News", "2016-01-10", "A storm closed the harbour and the airport.");
        Plant("c.txt", "Airport expands", "Arab News", "2017-05-05", "A new terminal opened at the airport.");
        return base.InitializeAsync();
    }

    public void IngestPaths(params string[] files) =>
        new Ingestor(Archive.Database, NullLogger<Ingestor>.Instance).IngestPaths(new IngestOptions(Archive.Corpus), files);
}

/// <summary>The engine's shared, cached reads of full-text matches: fewer scans, the same answers, never a stale one.</summary>
public sealed class MatchCacheTests(HarbourArchive archive) : IClassFixture<HarbourArchive>
{
    [Fact]
    public async Task Concurrent_searches_pages_and_filters_share_one_scan_and_get_the_same_answers()
    {
        var scans = archive.Matches.Scans;
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => archive.SearchAsync("airport")));
        Assert.All(concurrent, r => Assert.Equal(["Airport expands", "Storm closes harbour"], r.Items.Select(h => h.Article.Title)));
        Assert.Equal(scans + 1, archive.Matches.Scans);

        var filtered = await archive.SearchAsync("airport", outlet: ["arab-news"], from: "2017-01-01");
        var secondPage = await archive.SearchAsync("airport", page: 2, pageSize: 1);
        Assert.Equal(["Airport expands"], filtered.Items.Select(h => h.Article.Title));
        Assert.Equal(2, secondPage.Total);
        Assert.Equal(scans + 1, archive.Matches.Scans);

        // Date order needs no scores: a cheaper scan of its own.
        await archive.SearchAsync("airport", sort: "newest");
        Assert.Equal(scans + 2, archive.Matches.Scans);
    }

    [Fact]
    public async Task A_change_to_the_archive_is_seen_by_the_next_search()
    {
        Assert.Equal(2, (await archive.SearchAsync("lighthouse OR harbour")).Total);
        archive.Plant("d.txt", "Lighthouse restored", "Gulf Times", "2018-02-02", "The old lighthouse shines again.");
        archive.IngestPaths("d.txt");

        var after = await archive.SearchAsync("lighthouse OR harbour");
        Assert.Equal(3, after.Total);
        Assert.Contains("Lighthouse restored", after.Items.Select(h => h.Article.Title));
    }

    [Fact]
    public async Task A_search_over_its_budget_is_answered_busy()
    {
        using var noTime = new MatchCache(archive.Archive.Database, new SearchLimits { Budget = TimeSpan.Zero });
        var snapshot = await archive.Catalog.CurrentAsync();
        var busy = await Assert.ThrowsAsync<SearchBusyException>(() => noTime.GetAsync(snapshot, "\"harbour\"", ranked: true, CancellationToken.None));
        Assert.Contains("narrow it", busy.Message, StringComparison.Ordinal);
    }
}
