using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NewsArchive.Tests.Api;

namespace NewsArchive.Tests.Reliability;

/// <summary>GET /healthz, and ingestion errors where an operator looks: the health check, the footer and the log.</summary>
public sealed class HealthTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Health)> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/healthz");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static int? Count(JsonElement health, string name) =>
        health.GetProperty("lastIngestion").GetProperty(name) is { ValueKind: JsonValueKind.Number } count ? count.GetInt32() : null;

    [Fact]
    public async Task Healthz_reports_the_database_its_articles_and_the_last_ingestion()
    {
        using var app = new ArchiveAppFactory();
        app.Archive.Write("broken.txt", "");
        var client = await app.ReadyClientAsync();

        var (status, health) = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("ok", "ok", 5), (health.GetProperty("status").GetString(), health.GetProperty("database").GetString(), health.GetProperty("articles").GetInt32()));
        Assert.Equal((5, 0, 0, 1), (Count(health, "added"), Count(health, "updated"), Count(health, "removed"), Count(health, "skipped")));
        var last = health.GetProperty("lastIngestion");
        Assert.Equal(JsonValueKind.Null, last.GetProperty("error").ValueKind);
        Assert.True(last.GetProperty("startedAt").GetDateTime() <= last.GetProperty("finishedAt").GetDateTime());
    }

    [Fact]
    public async Task A_corpus_folder_missing_at_start_is_a_failed_run_on_record()
    {
        using var app = new ArchiveAppFactory();
        Directory.Delete(app.Archive.Corpus, recursive: true);
        var client = await app.ReadyClientAsync();

        var (status, health) = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("degraded", 0), (health.GetProperty("status").GetString(), health.GetProperty("articles").GetInt32()));
        Assert.Equal($"The corpus folder {app.Archive.Corpus} does not exist.", health.GetProperty("lastIngestion").GetProperty("error").GetString());
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_does_not()
    {
        using var app = new ArchiveAppFactory();
        var client = await app.ReadyClientAsync();

        // The file is gone (a lost volume): new connections cannot open it.
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(app.Archive.DatabasePath)!))
        {
            File.Delete(file);
        }

        SqliteConnection.ClearAllPools();
        var (status, health) = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(("unavailable", "error"), (health.GetProperty("status").GetString(), health.GetProperty("database").GetString()));
        Assert.Equal(JsonValueKind.Null, health.GetProperty("articles").ValueKind);
    }

    [Fact]
    public async Task Ingestion_errors_show_in_the_log_healthz_and_footer_and_the_archive_keeps_serving()
    {
        using var archive = TempArchive.WithSeeds();
        archive.Write("broken.txt", "");
        using var server = await WebAppServer.StartAsync($"--Archive:CorpusPath={archive.Corpus}", $"--Archive:DatabasePath={archive.DatabasePath}");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var (_, health) = await WaitForAsync(client, h => h.GetProperty("lastIngestion").ValueKind == JsonValueKind.Object);
        Assert.Equal(("ok", 1), (health.GetProperty("status").GetString(), Count(health, "skipped")));

        // The corpus folder vanishes (an unmounted share): the next run fails, and must not empty the archive.
        Directory.Delete(archive.Corpus, recursive: true);
        var (status, failed) = await WaitForAsync(client, h => h.GetProperty("status").GetString() == "degraded");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("does not exist", failed.GetProperty("lastIngestion").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, failed.GetProperty("articles").GetInt32());
        var footer = "";
        for (var attempt = 0; attempt < 50 && !footer.Contains("failed:", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100); // the footer's summary is read again at most every two seconds
            footer = Regex.Match(await client.GetStringAsync("/"), "<p class=\"last-run\">.*?</p>", RegexOptions.Singleline).Value;
        }

        Assert.Contains($"failed: The corpus folder {archive.Corpus} does not exist.", footer, StringComparison.Ordinal);
        Assert.Contains("Skipped broken.txt: empty file", server.Output, StringComparison.Ordinal);
        Assert.Contains($"Ingestion of {archive.Corpus} failed", server.Output, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode, JsonElement)> WaitForAsync(HttpClient client, Func<JsonElement, bool> condition)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, health) = await HealthAsync(client);
            if (condition(health) || attempt == 200)
            {
                return (status, health);
            }

            await Task.Delay(100);
        }
    }
}
