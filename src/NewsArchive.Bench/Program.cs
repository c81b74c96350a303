using NewsArchive.Bench;

// The search benchmark's client (run by scripts/bench.sh, documented in docs/benchmarks.md).
if (BenchOptions.Parse(args.Skip(1)) is not { } options)
{
    return Usage();
}

switch (args.FirstOrDefault(), options.Positional)
{
    case ("fts", [var db, var queries]):
        return await FtsBench.RunAsync(db, BenchQuery.Load(queries), options);
    case ("http", [var url, var queries]):
    {
        using var client = Client(url);
        return await new HttpBench(client).SingleAsync(BenchQuery.Load(queries), options);
    }

    case ("pages", [var url, .. var paths]) when paths.Count > 0:
    {
        using var client = Client(url);
        return await new HttpBench(client).PagesAsync(paths, options);
    }

    case ("clusters", [var db, var corpus]):
        return ClusterBench.Run(db, corpus);
    case ("paths", [var queries]):
        BenchQuery.Load(queries).ForEach(query => Console.WriteLine(query.ApiPath));
        return 0;
    default:
        return Usage();
}

// One keep-alive connection, as a browser holds it.
static HttpClient Client(string baseUrl) => new() { BaseAddress = new Uri(baseUrl) };

static int Usage()
{
    Console.Error.WriteLine("""
        usage: fts   <db> <queries-file> [--runs N] [--warmup S] [--out FILE]
               http  <base-url> <queries-file> [--runs N] [--warmup S] [--out FILE]
               pages <base-url> <path>... [--runs N] [--warmup S]
               paths <queries-file>    (each query's /api/search path, a line each: the load generator's list)
               clusters <db> <generated-corpus>    (the archive's story clusters against the corpus's _truth.tsv)
        """);
    return 2;
}
