using NewsArchive.Bench;

// The search benchmark's client (run by scripts/bench.sh, documented in docs/benchmarks.md).
const string Usage = """
    usage: fts   <db> <queries-file> [--runs N] [--warmup S] [--out FILE]
           http  <base-url> <queries-file> [--runs N] [--warmup S] [--out FILE]
           http  <base-url> <queries-file> --concurrency C [--duration S]
           pages <base-url> <path>... [--runs N] [--warmup S]
    """;

var options = BenchOptions.Parse(args.Skip(1));
if (options is null || args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

switch (args[0], options.Positional)
{
    case ("fts", [var db, var queries]):
        return await FtsBench.RunAsync(db, BenchQuery.Load(queries), options);
    case ("http", [var url, var queries]):
    {
        using var client = Client(url, options);
        var bench = new HttpBench(client);
        return options.Concurrency > 0
            ? await bench.LoadAsync(BenchQuery.Load(queries), options)
            : await bench.SingleAsync(BenchQuery.Load(queries), options);
    }

    case ("pages", [var url, .. var paths]) when paths.Count > 0:
    {
        using var client = Client(url, options);
        return await new HttpBench(client).PagesAsync(paths, options);
    }

    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

// Keep-alive connections, one per concurrent client, as a browser or a load generator would hold them.
static HttpClient Client(string baseUrl, BenchOptions options) =>
    new(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, options.Concurrency) })
    {
        BaseAddress = new Uri(baseUrl),
    };
