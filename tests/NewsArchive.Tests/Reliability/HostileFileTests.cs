using System.Runtime.Versioning;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Tests.Api;

namespace NewsArchive.Tests.Reliability;

/// <summary>Hostile files in the corpus: each is ingested cleanly or skipped with a reason, the run goes on, and nothing of them runs in a page.</summary>
public sealed partial class HostileFileTests
{
    private static readonly string[] Seeds = [.. Directory.GetFiles(TestPaths.Seeds).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task Each_hostile_file_is_ingested_cleanly_or_skipped_with_a_reason_and_the_run_goes_on()
    {
        using var archive = TempArchive.WithSeeds();
        HostileFiles.WriteInto(archive);

        var report = await archive.IngestAsync();

        var reasons = report.Skipped.ToDictionary(s => s.RelativePath, s => s.Reason);
        Assert.Equal(HostileFiles.Skipped.Keys.Order(StringComparer.Ordinal), reasons.Keys.Order(StringComparer.Ordinal));
        Assert.All(HostileFiles.Skipped, expected => Assert.Contains(expected.Value, reasons[expected.Key], StringComparison.Ordinal));
        Assert.Equal(Seeds.Concat(HostileFiles.Ingested.Keys).Order(StringComparer.Ordinal), archive.Column("SELECT RelativePath FROM Articles ORDER BY RelativePath"));
        foreach (var (path, text) in HostileFiles.Ingested)
        {
            var stored = archive.Scalar<string>($"SELECT Title || char(10) || coalesce(Summary, '') || char(10) || Body FROM Articles WHERE RelativePath = '{path.Replace("'", "''", StringComparison.Ordinal)}'");
            Assert.Contains(text, stored, StringComparison.Ordinal);
            Assert.False(ControlCharacter().IsMatch(stored), $"{path}: control characters stored");
        }

        Assert.Equal("", archive.Scalar<string>($"SELECT coalesce(SourceUrl, '') FROM Articles WHERE RelativePath = '{HostileFiles.JavascriptUrl}'"));
        archive.AssertConsistent();
        archive.AssertArticlesMatchFiles();

        var again = await archive.IngestAsync();
        Assert.Equal((0, 0, Seeds.Length + HostileFiles.Ingested.Count, HostileFiles.Skipped.Count), (again.Added, again.Updated, again.Unchanged, again.Skipped.Count));
    }

    /// <summary>The ingest verb, bound by file modes even as root (see <see cref="WebAppProcess.RunObeyingFileModesAsync"/>).</summary>
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task An_unreadable_file_is_skipped_with_its_reason_and_the_run_goes_on()
    {
        using var archive = TempArchive.WithSeeds();
        var locked = archive.Write("locked.txt", "Locked away\n\nNobody may read this article.");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var (exitCode, output) = await WebAppProcess.RunObeyingFileModesAsync("ingest", archive.Corpus, "--db", archive.DatabasePath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("5 added, 0 updated, 0 unchanged, 0 removed, 1 skipped", output, StringComparison.Ordinal);
        Assert.Matches("locked.txt: unreadable: .*(denied|permission)", output);
        Assert.Equal(5, archive.Scalar<long>("SELECT count(*) FROM Articles"));
    }

    [Fact]
    public async Task Hostile_articles_are_served_as_text_and_nothing_in_them_runs_in_a_page()
    {
        Assert.Equal(4, LiveMarkup.In("""<a href=" javascript:go()">a</a> <p onclick="go()">b</p> <script>go()</script> <iframe src=x> <p title="onclick=&quot;go()&quot;">c</p> <script src="/site.js"></script>""").Count);
        using var app = new ArchiveAppFactory();
        HostileFiles.WriteInto(app.Archive);
        var client = await app.ReadyClientAsync();
        var encoder = app.Services.GetRequiredService<HtmlEncoder>();
        string PageOf(string path) => $"/articles/{app.Archive.Scalar<long>($"SELECT Id FROM Articles WHERE RelativePath = '{path}'")}";

        foreach (var (path, text) in HostileFiles.Ingested)
        {
            var html = await client.GetStringAsync(PageOf(path));

            Assert.Contains(encoder.Encode(text), html, StringComparison.Ordinal);
            Assert.Empty(LiveMarkup.In(html));
        }

        var script = await client.GetStringAsync(PageOf(HostileFiles.Script));
        Assert.Contains("&lt;script&gt;alert(&#x27;headline&#x27;)&lt;/script&gt;", script, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;entity&#x27;)", script, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/?pageSize=100");
        Assert.Empty(LiveMarkup.In(list));

        // Search marks matches with HTML built from the article text: the page and the API's HTML fields stay inert.
        var found = await client.GetStringAsync("/?q=alert+harbour");
        Assert.Contains("harbour", found, StringComparison.Ordinal);
        Assert.Empty(LiveMarkup.In(found));
        var hits = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=alert")).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Empty(LiveMarkup.In($"{hit.GetProperty("titleHtml")} {hit.GetProperty("snippet")}")));

        // The named pipe and the link loop did not stop the watcher: a new file still arrives.
        app.Archive.Write("later.txt", "Ferry service resumes\n\nThe ferry resumed service on Wednesday.");
        for (var attempt = 0; attempt < 100 && !(await client.GetStringAsync("/api/articles?pageSize=100")).Contains("Ferry service resumes", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
        }

        var health = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement;
        Assert.Equal(Seeds.Length + HostileFiles.Ingested.Count + 1, health.GetProperty("articles").GetInt32());
    }

    /// <summary>Control characters other than the line feed, C0 and C1.</summary>
    [GeneratedRegex(@"[\x00-\x09\x0B-\x1F\x7F-\x9F]")]
    private static partial Regex ControlCharacter();
}
