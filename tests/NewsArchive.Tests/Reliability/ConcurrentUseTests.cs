using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using NewsArchive.Core.Parsing;
using NewsArchive.Tests.Api;
using Xunit.Abstractions;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Readers browse, search and read while the app ingests a folder at start and its watcher picks up new and rewritten
/// files: no answer is an error ("database is locked" least of all), and every article a reader gets is exactly one
/// version of its file, never a mix or a half.
/// </summary>
public sealed class ConcurrentUseTests(ITestOutputHelper output)
{
    private const int AtStart = 3_000;
    private const int Arriving = 600;
    private const int Rewritten = 100;
    private const int Readers = 4;

    /// <summary>File → every (title, body) it has had: what a reader may see of it.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Title, string Body), byte>> versions = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<string> problems = new();

    private int requests;

    [Fact]
    public async Task Readers_get_whole_articles_and_no_errors_while_the_app_ingests()
    {
        using var app = new ArchiveAppFactory();
        var reuters = Directory.EnumerateFiles(Path.Combine(TestPaths.Corpora, "reuters21578", "txt")).Order(StringComparer.Ordinal).Take(AtStart + Arriving).ToList();
        foreach (var file in reuters.Take(AtStart))
        {
            File.Copy(file, Path.Combine(app.Archive.Corpus, Path.GetFileName(file)));
        }

        foreach (var file in Directory.GetFiles(app.Archive.Corpus))
        {
            Expect(app.Archive, Path.GetFileName(file));
        }

        // Readers start at once, while the start-up ingestion of the folder runs.
        var client = app.CreateClient();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Readers).Select(seed => ReadAsync(client, new Random(seed), stop.Token)).ToList();

        // Meanwhile new files arrive in the watched folder, and some are rewritten.
        var arriving = reuters.Skip(AtStart).Select(file => $"incoming/{Path.GetFileName(file)}").ToList();
        for (var i = 0; i < arriving.Count; i++)
        {
            app.Archive.Write(arriving[i], File.ReadAllBytes(reuters[AtStart + i]));
            Expect(app.Archive, arriving[i]);
            await Task.Delay(i % 20 == 0 ? 100 : 0);
        }

        foreach (var path in arriving.Take(Rewritten))
        {
            var text = File.ReadAllText(Path.Combine(app.Archive.Corpus, path));
            app.Archive.Write(path, text.Replace("\n\n", "\n\nRevised: ", StringComparison.Ordinal));
            Expect(app.Archive, path);
            await Task.Delay(10);
        }

        var settled = await WaitUntilIngestedAsync(app.Archive);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        output.WriteLine($"{requests} requests by {Readers} readers; {versions.Count} files, {versions.Values.Sum(v => v.Count)} versions");
        Assert.True(problems.IsEmpty, $"{problems.Count} problems:\n{string.Join("\n", problems.Take(20))}");
        Assert.True(settled, "the archive did not reach the folder's final state");
        Assert.True(requests > 500, $"only {requests} requests: the readers hardly ran beside the ingestion");
        app.Archive.AssertConsistent();
        app.Archive.AssertArticlesMatchFiles();
    }

    /// <summary>Records what the parser makes of the file as it is now: one more version a reader may see.</summary>
    private void Expect(TempArchive archive, string path)
    {
        if (ArticleParser.Parse(File.ReadAllBytes(Path.Combine(archive.Corpus, path)), ParseOptions.Default).Article is { } article)
        {
            versions.GetOrAdd(path, _ => new())[(article.Title, article.Body)] = 0;
        }
    }

    private async Task ReadAsync(HttpClient client, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var list = await GetAsync(client, $"/api/articles?pageSize=50&page={random.Next(1, 10)}&sort={(random.Next(2) == 0 ? "newest" : "oldest")}");
            var items = list is null ? [] : JsonDocument.Parse(list).RootElement.GetProperty("items").EnumerateArray().ToList();
            if (items.Count > 0)
            {
                var item = items[random.Next(items.Count)];
                var id = item.GetProperty("id").GetInt32();
                if (await GetAsync(client, $"/api/articles/{id}") is { } detail)
                {
                    var article = JsonDocument.Parse(detail).RootElement;
                    var file = article.GetProperty("file").GetString()!;
                    var seen = (article.GetProperty("title").GetString()!, article.GetProperty("body").GetString()!);
                    if (!versions.TryGetValue(file, out var known) || !known.ContainsKey(seen))
                    {
                        problems.Enqueue($"article {id} ({file}) is no version of its file: {seen.Item1}");
                    }
                }

                await GetAsync(client, $"/articles/{id}");
                await GetAsync(client, $"/api/search?q={Uri.EscapeDataString(item.GetProperty("title").GetString()!.Split(' ')[0])}");
            }

            await GetAsync(client, random.Next(2) == 0 ? "/" : "/?outlet=reuters&from=1987-03");
        }
    }

    /// <summary>The body of a 200 answer; anything else is a problem.</summary>
    private async Task<string?> GetAsync(HttpClient client, string url)
    {
        Interlocked.Increment(ref requests);
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || body.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
        {
            problems.Enqueue($"GET {url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            return null;
        }

        return body;
    }

    /// <summary>Until every file is stored in its last version (the watcher settles, then ingests); false after a minute.</summary>
    private async Task<bool> WaitUntilIngestedAsync(TempArchive archive)
    {
        var expected = versions.Keys.ToDictionary(
            path => path,
            path => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(archive.Corpus, path)))),
            StringComparer.Ordinal);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var stored = archive.Column("SELECT RelativePath || '|' || ContentHash FROM Articles");
            if (stored.Count == expected.Count && stored.All(row => row.Split('|') is [var path, var hash] && expected.GetValueOrDefault(path) == hash))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
