using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Hosting;

namespace NewsArchive.Tests.Api;

/// <summary>The real app over a real SQLite file, its corpus folder a fresh copy of the seeds.</summary>
public sealed class ArchiveAppFactory : WebApplicationFactory<Program>
{
    public TempArchive Archive { get; } = TempArchive.WithSeeds();

    /// <summary>Configuration that differs from the app's defaults, e.g. ("Search:Budget", "00:00:01").</summary>
    public IReadOnlyList<(string Key, string Value)> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Archive:CorpusPath", Archive.Corpus);
        builder.UseSetting("Archive:DatabasePath", Archive.DatabasePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client for an app whose start-up ingestion has finished.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<IngestionStatus>().FirstRun.WaitAsync(TimeSpan.FromSeconds(30));
        return client;
    }

    /// <summary>GETs a URL from the ready app and checks the status, printing the body when it differs.</summary>
    public async Task<string> GetTextAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var client = await ReadyClientAsync();
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return text;
    }

    public async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        JsonDocument.Parse(await GetTextAsync(url, expected)).RootElement;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Archive.Dispose();
        }
    }
}
