using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Api;

/// <summary>
/// The compare page, /api/compare and /compare.csv through HTTP over the five seeds (two dated, Nov 2014 and Sep 2016;
/// three undated): every count checked against the search API, the filters, the exports and bad input.
/// </summary>
public sealed partial class ComparePagesTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task Shows_a_chart_and_a_table_of_months_by_query_whose_counts_link_to_the_search()
    {
        var html = await app.GetTextAsync("/compare?q=cooperation&q=Maliki");

        Assert.Contains("<title>cooperation, Maliki – compare · NewsArchive</title>", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"q1\" type=\"search\" name=\"q\" value=\"cooperation\"", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"q2\" type=\"search\" name=\"q\" value=\"Maliki\"", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"q3\" type=\"search\" name=\"q\" value=\"\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=\"compare-chart-title\" aria-describedby=\"compare-chart-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"compare-chart-title\">Articles per month, Nov 2014 – Sep 2016</title>", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<polyline points="));
        // A row for every month from the first match to the last, the empty ones between at 0.
        Assert.Equal(23, MonthRow().Count(html));
        Assert.Contains("href=\"/search?q=cooperation&amp;from=2014-11&amp;to=2014-11&amp;expand=1\">1</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=Maliki&amp;from=2016-09&amp;to=2016-09&amp;expand=1\">1</a>", html, StringComparison.Ordinal);
        // Three of the five cooperation articles are undated: a row of their own, in the total, and said so.
        Assert.Contains("Some matches are undated", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Undated</th>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=cooperation&amp;expand=1\">5</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/compare.csv?q=cooperation&amp;q=Maliki\" download>CSV</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_months_count_is_the_search_total_of_that_month_and_every_total_the_search_total()
    {
        var compare = await app.GetJsonAsync("/api/compare?q=cooperation&q=Maliki&q=Kuwait");

        Assert.Equal(23, await AssertAgreesWithSearchAsync(app, compare, "", EveryMonth));
        Assert.Equal([5, 2, 1], compare.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task The_outlet_filter_applies_to_every_query_as_in_search()
    {
        var compare = await app.GetJsonAsync("/api/compare?q=cooperation&q=Maliki&outlet=rasa-news-agency");

        // Rasa's one dated article is the only month; its undated one counts apart.
        Assert.Equal(1, await AssertAgreesWithSearchAsync(app, compare, "&outlet=rasa-news-agency", EveryMonth));
        Assert.Equal("2016-09", compare.GetProperty("months")[0].GetProperty("month").GetString());
        Assert.Equal(1, compare.GetProperty("queries")[0].GetProperty("undated").GetInt32());
    }

    [Fact]
    public async Task A_date_filter_spans_its_months_leaves_out_the_undated_and_a_month_it_cuts_links_to_the_cut()
    {
        const string filters = "&from=2014-11-12&to=2016";
        var compare = await app.GetJsonAsync("/api/compare?q=cooperation&q=Maliki" + filters);

        // To the end of 2016 within the archive's dated span, which ends in Sep 2016.
        Assert.Equal(23, await AssertAgreesWithSearchAsync(app, compare, filters, EveryMonth));
        Assert.All(compare.GetProperty("queries").EnumerateArray(), q => Assert.Equal(0, q.GetProperty("undated").GetInt32()));
        var html = await app.GetTextAsync("/compare?q=cooperation&q=Maliki" + filters);
        Assert.Contains("href=\"/search?q=cooperation&amp;from=2014-11-12&amp;to=2014-11&amp;expand=1\">1</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Undated", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_match_says_so_and_offers_to_drop_the_filters()
    {
        var html = await app.GetTextAsync("/compare?q=cooperation&q=zanzibar&from=2015&to=2015");

        Assert.Contains("No article matches any of these queries with these filters.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/compare?q=cooperation&amp;q=zanzibar\">Remove the outlet and date filters", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_a_column_per_query_a_row_per_month_and_no_formulas()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/compare.csv?q=cooperation&q=-nuclear%20Maliki");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // A query that starts with "-" is text to a spreadsheet, not a formula.
        Assert.Equal("month,cooperation,'-nuclear Maliki", lines[0]);
        Assert.Equal("2014-11,1,1", lines[1]);
        Assert.Equal("2014-12,0,0", lines[2]);
        Assert.Equal("2016-09,1,1", lines[^2]);
        Assert.Equal("undated,3,0", lines[^1]);
        Assert.Equal(1 + 23 + 1, lines.Length);
    }

    [Fact]
    public async Task The_api_gives_each_query_with_its_total_and_each_month_with_its_counts()
    {
        var compare = await app.GetJsonAsync("/api/compare?q=Daesh&q=iraq");

        var daesh = compare.GetProperty("queries")[0];
        Assert.Equal("Daesh", daesh.GetProperty("query").GetString());
        Assert.Contains("ISIL", daesh.GetProperty("expandedTerms").EnumerateArray().Select(t => t.GetString()));
        var first = compare.GetProperty("months")[0];
        Assert.Equal("2014-11", first.GetProperty("month").GetString());
        Assert.Equal(2, first.GetProperty("counts").GetArrayLength());
        Assert.True(compare.GetProperty("tookMs").GetDouble() >= 0);
    }

    [Theory]
    [InlineData("q=iran&q=iraq&q=syria&q=oil&q=gas", "Compare at most 4 queries at a time; this asks for 5.")]
    [InlineData("q=iran&q=iraq&from=2014-13", "is not a date")]
    [InlineData("q=iran&q=iraq&from=2016&to=2014", "The range ends (2014) before it starts (2016).")]
    [InlineData("q=iran&q=-iran", "Query 2, “-iran”: The query only excludes")]
    [InlineData("q=iran&q=!!!", "Query 2, “!!!”: Nothing to look for")]
    [InlineData("q=iran&q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k%20l%20m%20n%20o%20p%20q%20r%20s%20t%20u%20v%20w%20x%20y%20z%20aa%20bb%20cc%20dd%20ee%20ff%20gg", "The query has 33 terms")]
    public async Task Bad_input_gets_a_friendly_400_page_and_problem_details_naming_the_parameter(string query, string message)
    {
        var html = await app.GetTextAsync("/compare?" + query, HttpStatusCode.BadRequest);

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/help\"", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"compare-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        foreach (var data in new[] { "/api/compare?", "/compare.csv?" })
        {
            var problem = await app.GetJsonAsync(data + query, HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
        }
    }

    [Fact]
    public async Task Fewer_than_two_queries_show_the_form_with_a_hint_and_the_api_asks_for_two()
    {
        var landing = await app.GetTextAsync("/compare");
        var one = await app.GetTextAsync("/compare?q=iran&q=&q=%20");

        Assert.DoesNotContain("Type at least two queries", landing, StringComparison.Ordinal);
        Assert.Contains("href=\"/compare?q=iran&amp;q=iraq&amp;q=syria\"", landing, StringComparison.Ordinal);
        Assert.Contains("Type at least two queries to compare them.", one, StringComparison.Ordinal);
        Assert.Contains("value=\"iran\"", one, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"img\"", one, StringComparison.Ordinal);
        var problem = await app.GetJsonAsync("/api/compare?q=iran", HttpStatusCode.BadRequest);
        Assert.Equal("Give 2 to 4 queries to compare, as q=iran&q=iraq; this gives 1.", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task The_header_and_the_help_page_lead_to_it()
    {
        Assert.Contains("<a href=\"/compare\">Compare</a>", await app.GetTextAsync("/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/compare\"", await app.GetTextAsync("/help"), StringComparison.Ordinal);
    }

    /// <summary>Picks every month of a query's counts.</summary>
    public static IEnumerable<int> EveryMonth(IReadOnlyList<int> counts) => Enumerable.Range(0, counts.Count);

    /// <summary>
    /// Checks an /api/compare answer against /api/search with the same filters: each query's total and undated count,
    /// and its count in the months <paramref name="pick"/> chooses (given the query's counts, the indexes of months to
    /// check). Returns the number of months.
    /// </summary>
    public static async Task<int> AssertAgreesWithSearchAsync(ArchiveAppFactory app, JsonElement compare, string filters, Func<IReadOnlyList<int>, IEnumerable<int>> pick)
    {
        var months = compare.GetProperty("months").EnumerateArray().ToList();
        var names = months.Select(m => m.GetProperty("month").GetString()!).ToList();
        // Without gaps: each month follows the one before.
        var dates = names.Select(m => DateOnly.ParseExact(m, "yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        Assert.All(dates.Skip(1).Zip(dates), pair => Assert.Equal(pair.Second.AddMonths(1), pair.First));
        foreach (var (query, i) in compare.GetProperty("queries").EnumerateArray().Select((q, i) => (q, i)))
        {
            var q = Uri.EscapeDataString(query.GetProperty("query").GetString()!);
            // The comparison counts articles: search lists every version of a story with expand=1.
            var search = await app.GetJsonAsync($"/api/search?q={q}{filters}&expand=1&pageSize=1");
            Assert.Equal(search.GetProperty("total").GetInt32(), query.GetProperty("total").GetInt32());
            Assert.Equal(search.GetProperty("undated").GetInt32(), query.GetProperty("undated").GetInt32());
            var counts = months.Select(m => m.GetProperty("counts")[i].GetInt32()).ToList();
            Assert.Equal(query.GetProperty("total").GetInt32(), counts.Sum() + query.GetProperty("undated").GetInt32());
            foreach (var m in pick(counts))
            {
                var month = await app.GetJsonAsync($"/api/search?q={q}{MonthFilters(filters, names[m])}&expand=1&pageSize=1");
                Assert.True(month.GetProperty("total").GetInt32() == counts[m], $"{q} in {names[m]}: {counts[m]} compared, {month.GetProperty("total").GetInt32()} found");
            }
        }

        return months.Count;
    }

    /// <summary>The filters with the month as the date range, narrowed by a date filter that starts or ends inside it.</summary>
    private static string MonthFilters(string filters, string month)
    {
        var pairs = filters.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
        string Bound(string name) => pairs.FirstOrDefault(p => p[0] == name)?[1] is { Length: > 7 } day && day.StartsWith(month, StringComparison.Ordinal) ? day : month;
        return string.Concat(pairs.Where(p => p[0] is not ("from" or "to")).Select(p => $"&{p[0]}={p[1]}")) + $"&from={Bound("from")}&to={Bound("to")}";
    }

    [GeneratedRegex("<tr>\\s*<th scope=\"row\"><time datetime=\"\\d{4}-\\d\\d\">")]
    private static partial Regex MonthRow();
}
