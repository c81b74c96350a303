using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsArchive.Web.Hosting;

namespace NewsArchive.Tests.Api;

/// <summary>The real app over a real SQLite file, its corpus folder a fresh copy of the seeds.</summary>
public sealed class ArchiveAppFactory : WebApplicationFactory<Program>
{
    private readonly bool ingests;

    public ArchiveAppFactory()
        : this(TempArchive.WithSeeds(), ingests: true)
    {
    }

    private ArchiveAppFactory(TempArchive archive, bool ingests)
    {
        Archive = archive;
        this.ingests = ingests;
    }

    public TempArchive Archive { get; }

    /// <summary>Configuration that differs from the app's defaults, e.g. ("Search:Budget", "00:00:01").</summary>
    public IReadOnlyList<(string Key, string Value)> Settings { get; init; } = [];

    /// <summary>
    /// The app serving an archive that a fixture built and owns, without ingesting: no start-up run and no watcher,
    /// so an archive shared by several test classes stays as it was built.
    /// </summary>
    public static ArchiveAppFactory Serving(TempArchive archive) => new(archive, ingests: false);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Archive:CorpusPath", Archive.Corpus);
        builder.UseSetting("Archive:DatabasePath", Archive.DatabasePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (!ingests)
        {
            // The app's own background services (the ingestion); the host's, which run the server, stay.
            builder.ConfigureTestServices(services =>
            {
                foreach (var ingestion in services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Assembly == typeof(Program).Assembly).ToList())
                {
                    services.Remove(ingestion);
                }
            });
        }
    }

    /// <summary>A client for an app whose start-up ingestion has finished (or that does not ingest).</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        if (ingests)
        {
            await Services.GetRequiredService<IngestionStatus>().FirstRun.WaitAsync(TimeSpan.FromSeconds(30));
        }

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
        if (disposing && ingests)
        {
            Archive.Dispose();
        }
    }
}
