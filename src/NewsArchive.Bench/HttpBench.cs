using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsArchive.Bench;

/// <summary>
/// The same queries through GET /api/search (and page paths through GET), over one keep-alive connection, the whole
/// response read each time: what a client of the app waits for, facets and snippets included.
/// </summary>
internal sealed class HttpBench(HttpClient client)
{
    /// <summary>One client: each query's median time, then percentiles over the queries. Any non-2xx answer fails the run.</summary>
    public async Task<int> SingleAsync(List<BenchQuery> queries, BenchOptions options)
    {
        await Timing.WarmUpAsync(queries.Select(q => (Func<Task>)(() => GetAsync(q.ApiPath))).ToList(), options.WarmUpSeconds);

        var rows = new List<string>();
        var medians = new List<double>();
        var serverMedians = new List<double>();
        foreach (var query in queries)
        {
            var answers = new List<(int Status, string Body)>();
            var ms = await Timing.MedianMsAsync(async () => answers.Add(await GetAsync(query.ApiPath)), options.Runs);
            var failed = answers.FirstOrDefault(a => a.Status is < 200 or > 299);
            if (failed.Body is not null)
            {
                await Console.Error.WriteLineAsync($"http: query {query.Number} ({query}) answered {failed.Status}: {failed.Body}");
                return 1;
            }

            // The app's own time (tookMs) in the same runs, which leaves out HTTP and JSON; read after timing, not during.
            var timed = answers.TakeLast(options.Runs).Select(a => Read(a.Body)).ToList();
            var took = Timing.Median(timed.Select(t => t.TookMs));
            var (total, bytes) = (timed[^1].Total, Encoding.UTF8.GetByteCount(answers[^1].Body));
            medians.Add(ms);
            serverMedians.Add(took);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Number,3} {ms,9:0.000} ms (app {took:0.00}) {total,9} hits {bytes,7} bytes  {query}"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{query.Number}\t{ms:0.###}\t{took:0.##}\t{total}\t{bytes}\t{query}"));
        }

        if (options.Out is { } path)
        {
            await File.WriteAllLinesAsync(path, ["n\tms\tapp_ms\thits\tbytes\tquery", .. rows]);
        }

        Console.WriteLine($"summary: queries={medians.Count} {Timing.Percentiles(medians)} {Timing.Percentiles(serverMedians, "app_")}");
        return 0;
    }

    /// <summary>Each path's median time (HTML pages: server-side rendering plus transfer).</summary>
    public async Task<int> PagesAsync(List<string> paths, BenchOptions options)
    {
        await Timing.WarmUpAsync(paths.Select(p => (Func<Task>)(() => GetAsync(p))).ToList(), options.WarmUpSeconds);
        foreach (var path in paths)
        {
            var (status, body) = await GetAsync(path);
            if (status is < 200 or > 299)
            {
                await Console.Error.WriteLineAsync($"pages: {path} answered {status}");
                return 1;
            }

            var ms = await Timing.MedianMsAsync(() => GetAsync(path), options.Runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"summary: path={path} median_ms={ms:0.###} bytes={Encoding.UTF8.GetByteCount(body)}"));
        }

        return 0;
    }

    private static (double TookMs, int Total) Read(string body)
    {
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("tookMs").GetDouble(), json.RootElement.GetProperty("total").GetInt32());
    }

    private async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
