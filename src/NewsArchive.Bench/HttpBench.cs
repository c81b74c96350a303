using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NewsArchive.Bench;

/// <summary>
/// The same queries through GET /api/search (and page paths through GET), over keep-alive connections, the whole
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
            var ms = await Timing.MedianMsAsync(() => GetAsync(query.ApiPath), options.Runs);
            // Read outside the timed runs: the hit count, and the app's own time (tookMs), which leaves out HTTP and JSON.
            var (status, body) = await GetAsync(query.ApiPath);
            if (status is < 200 or > 299)
            {
                await Console.Error.WriteLineAsync($"http: query {query.Number} ({query}) answered {status}: {body}");
                return 1;
            }

            using var json = JsonDocument.Parse(body);
            var total = json.RootElement.GetProperty("total").GetInt32();
            var took = json.RootElement.GetProperty("tookMs").GetDouble();
            medians.Add(ms);
            serverMedians.Add(took);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Number,3} {ms,9:0.000} ms (app {took:0.00}) {total,9} hits {body.Length,7} bytes  {query}"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{query.Number}\t{ms:0.###}\t{took:0.##}\t{total}\t{body.Length}\t{query}"));
        }

        if (options.Out is { } path)
        {
            await File.WriteAllLinesAsync(path, ["n\tms\tapp_ms\thits\tbytes\tquery", .. rows]);
        }

        Console.WriteLine($"summary: queries={medians.Count} {Timing.Percentiles(medians)} {Timing.Percentiles(serverMedians, "app_")}");
        return 0;
    }

    /// <summary>
    /// <paramref name="options"/>.Concurrency clients, each sending the queries in turn as fast as answers come, for the
    /// duration: requests per second and percentiles over every request.
    /// </summary>
    public async Task<int> LoadAsync(List<BenchQuery> queries, BenchOptions options)
    {
        var next = -1;
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);

        async Task<List<double>> Client()
        {
            var times = new List<double>();
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var query = queries[(int)((uint)Interlocked.Increment(ref next) % (uint)queries.Count)];
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var (status, _) = await GetAsync(query.ApiPath);
                    if (status is < 200 or > 299)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }

                times.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }

            return times;
        }

        var all = (await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(Client)))).SelectMany(t => t).ToList();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: clients={options.Concurrency} seconds={seconds:0.0} requests={all.Count} rps={all.Count / seconds:0.0} {Timing.Percentiles(all)} failed={failed}"));
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"summary: path={path} median_ms={ms:0.###} bytes={body.Length}"));
        }

        return 0;
    }

    private async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
