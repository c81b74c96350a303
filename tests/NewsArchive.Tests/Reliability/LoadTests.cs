using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// The short version of scripts/bench-load.sh: the app in its own process on a loopback port, many connections at
/// once, a mix of browsing, search and article addresses over a few thousand real articles. Every answer must be a
/// 2xx; latency and memory are recorded, not asserted (the benchmark holds the figures).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Articles = 2_000;
    private const int Requests = 2_000;
    private const int Connections = 32;

    private static readonly string[] Words = ["oil", "bank", "trade", "prices", "shares", "dollar", "wheat", "company", "\"oil prices\"", "bank*", "oil OR gas", "title:trade", "-oil trade", "opec"];

    [Fact]
    public async Task Many_connections_of_mixed_reading_get_only_successful_answers()
    {
        using var archive = TempArchive.WithSeeds();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Corpora, "reuters21578", "txt")).Order(StringComparer.Ordinal).Take(Articles))
        {
            File.Copy(file, Path.Combine(archive.Corpus, Path.GetFileName(file)));
        }

        using var server = await WebAppServer.StartAsync($"--Archive:CorpusPath={archive.Corpus}", $"--Archive:DatabasePath={archive.DatabasePath}");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = server.BaseAddress };
        for (var attempt = 0; attempt < 300 && JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement.GetProperty("lastIngestion").ValueKind == JsonValueKind.Null; attempt++)
        {
            await Task.Delay(100);
        }

        var urls = Mix(archive, new Random(20261121)).Take(Requests).ToList();
        var failures = new List<string>();
        var latencies = new List<double>();
        var memoryBefore = server.ResidentBytes;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = Connections }, async (url, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url, cancellationToken);
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            lock (latencies)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"GET {url}: {(int)response.StatusCode}");
                }
            }
        });

        latencies.Sort();
        output.WriteLine($"{Requests} requests on {Connections} connections in {clock.Elapsed.TotalSeconds:0.0} s ({Requests / clock.Elapsed.TotalSeconds:0} req/s); " +
            $"p50 {latencies[latencies.Count / 2]:0.0} ms, p99 {latencies[latencies.Count * 99 / 100]:0.0} ms, max {latencies[^1]:0.0} ms; " +
            $"server memory {memoryBefore / 1048576} → {server.ResidentBytes / 1048576} MB");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Requests} answers were not 2xx:\n{string.Join("\n", failures.Take(20))}");
    }

    /// <summary>What readers do, endlessly: list and filter, search, open articles, as pages and through the API.</summary>
    private static IEnumerable<string> Mix(TempArchive archive, Random random)
    {
        var ids = archive.Column("SELECT Id FROM Articles");
        var outlets = archive.Column("SELECT Slug FROM Outlets");
        while (true)
        {
            var id = ids[random.Next(ids.Count)];
            var q = Uri.EscapeDataString(Words[random.Next(Words.Length)]);
            yield return random.Next(8) switch
            {
                0 => $"/api/articles?outlet={outlets[random.Next(outlets.Count)]}&page={random.Next(1, 5)}",
                1 => $"/api/articles/{id}",
                2 => $"/api/search?q={q}&page={random.Next(1, 4)}",
                3 => $"/?q={q}",
                4 => $"/articles/{id}",
                5 => $"/?from=1987-0{random.Next(2, 10)}&sort=oldest&page={random.Next(1, 20)}",
                6 => $"/api/suggest?q={Uri.EscapeDataString(Words[random.Next(Words.Length)][..3])}",
                _ => $"/search.atom?q={q}",
            };
        }
    }
}
