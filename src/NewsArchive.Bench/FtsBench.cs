using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;
using NewsArchive.Core.Storage;

namespace NewsArchive.Bench;

/// <summary>
/// <c>fts &lt;db&gt; &lt;queries&gt;</c>: each query compiled as the app compiles it (QueryParser with the shipped aliases),
/// then only the two FTS5 statements any engine on this index needs: the best page by the app's BM25 weights and the
/// exact count. No filters, facets, rows or snippets: the floor under the app's own time.
/// </summary>
internal static class FtsBench
{
    private static readonly string TopSql =
        $"SELECT rowid FROM ArticlesFts WHERE ArticlesFts MATCH $match ORDER BY {Fts.Rank} LIMIT {ArticleQuery.DefaultPageSize}";

    private const string CountSql = "SELECT count(*) FROM ArticlesFts WHERE ArticlesFts MATCH $match";

    public static async Task<int> RunAsync(string databasePath, List<BenchQuery> queries, BenchOptions options)
    {
        if (!File.Exists(databasePath))
        {
            await Console.Error.WriteLineAsync($"fts: no database at {databasePath}");
            return 1;
        }

        var aliases = AliasList.Load(Path.Combine(AppContext.BaseDirectory, "aliases.txt"));
        var compiled = new List<(BenchQuery Query, string Match)>();
        foreach (var query in queries)
        {
            var parsed = QueryParser.Parse(query.Text, aliases);
            if (parsed.Error is { } error)
            {
                await Console.Error.WriteLineAsync($"fts: query {query.Number} ({query}) is not valid: {error}");
                return 1;
            }

            foreach (var notice in parsed.Notices)
            {
                Console.WriteLine($"warning: query {query.Number} ({query}) was repaired: {notice}");
            }

            if (parsed.FtsExpression is { } match)
            {
                compiled.Add((query, match));
            }
            else
            {
                Console.WriteLine($"query {query.Number} ({query}) has no text to match: not timed here");
            }
        }

        await using var connection = new SqliteConnection(new ArchiveDatabase(databasePath).ReadOnlyConnectionString);
        await connection.OpenAsync();
        await using var top = Command(connection, TopSql, out var topMatch);
        await using var count = Command(connection, CountSql, out var countMatch);

        async Task Top(string match)
        {
            topMatch.Value = match;
            await using var reader = await top.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // Only stepping through the page: the ids are what any engine must hand over.
            }
        }

        async Task<long> Count(string match)
        {
            countMatch.Value = match;
            return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        await Timing.WarmUpAsync(compiled.Select(c => (Func<Task>)(async () =>
        {
            await Top(c.Match);
            await Count(c.Match);
        })).ToList(), options.WarmUpSeconds);

        var rows = new List<string>();
        var totals = new List<double>();
        foreach (var (query, match) in compiled)
        {
            var topMs = await Timing.MedianMsAsync(() => Top(match), options.Runs);
            var countMs = await Timing.MedianMsAsync(() => Count(match), options.Runs);
            var hits = await Count(match);
            totals.Add(topMs + countMs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Number,3} {topMs + countMs,9:0.000} ms (top {topMs:0.000} + count {countMs:0.000}) {hits,9} hits  {query}"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{query.Number}\t{topMs + countMs:0.###}\t{topMs:0.###}\t{countMs:0.###}\t{hits}\t{query}"));
        }

        if (options.Out is { } path)
        {
            await File.WriteAllLinesAsync(path, ["n\tms\ttop_ms\tcount_ms\thits\tquery", .. rows]);
        }

        Console.WriteLine($"summary: queries={totals.Count} {Timing.Percentiles(totals)}");
        return 0;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, out SqliteParameter match)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        match = command.Parameters.Add("$match", SqliteType.Text);
        return command;
    }
}
