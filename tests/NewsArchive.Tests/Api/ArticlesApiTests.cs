using System.Net;
using System.Text.Json;

namespace NewsArchive.Tests.Api;

/// <summary>GET /api/articles and /api/articles/{id} through HTTP against the real app and the five seeds.</summary>
public sealed class ArticlesApiTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    private static List<string> Titles(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    private static List<string> Files(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("file").GetString()!)];

    [Fact]
    public async Task Lists_the_newest_first_with_undated_last_and_every_documented_field()
    {
        var page = await app.GetJsonAsync("/api/articles");

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(20, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(["004_5e62ed09124010b4.txt", "002_d0c6aed771c1a732.txt"], Files(page)[..2]);
        var newest = page.GetProperty("items")[0];
        foreach (var field in new[] { "id", "file", "title", "titleDerived", "outlet", "publishedAt", "dateline", "sourceId", "sourceUrl", "site", "summary" })
        {
            Assert.True(newest.TryGetProperty(field, out _), $"missing field {field}");
        }

        Assert.Equal("2016-09-05T23:37", newest.GetProperty("publishedAt").GetString());
        Assert.True(newest.GetProperty("titleDerived").GetBoolean());
        Assert.Equal("Rasa News Agency", newest.GetProperty("outlet").GetString());
        Assert.Equal("423254", newest.GetProperty("sourceId").GetString());
        var second = page.GetProperty("items")[1];
        Assert.Equal("VP: Iran, Iraq continue fight against terrorist groups", second.GetProperty("title").GetString());
        Assert.Equal("2014-11-12T15:18", second.GetProperty("publishedAt").GetString());
        Assert.Equal("https://theiranproject.com/vdchiwnzi23niid.01t2.html", second.GetProperty("sourceUrl").GetString());
        Assert.Equal("The Iran Project", second.GetProperty("site").GetString());
        Assert.Equal("Tehran", second.GetProperty("dateline").GetString());
        Assert.All(page.GetProperty("items").EnumerateArray().Skip(2), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("publishedAt").ValueKind));
    }

    [Fact]
    public async Task Oldest_first_puts_dated_articles_in_order_then_the_undated()
    {
        var page = await app.GetJsonAsync("/api/articles?sort=oldest");

        Assert.Equal(["002_d0c6aed771c1a732.txt", "004_5e62ed09124010b4.txt"], Files(page)[..2]);
        Assert.Equal(5, Files(page).Count);
    }

    [Theory]
    [InlineData("outlet=Fars%20News%20Agency", 2)]
    [InlineData("outlet=fars-news-agency", 2)]
    [InlineData("outlet=press-tv&outlet=rasa-news-agency", 3)]
    [InlineData("outlet=No%20Such%20Outlet", 0)]
    [InlineData("from=2015", 1)]
    [InlineData("to=2014", 1)]
    [InlineData("from=2014-11&to=2014-11", 1)]
    [InlineData("from=2014-11-12&to=2014-11-12", 1)]
    [InlineData("from=2014-11-13&to=2016-09-04", 0)]
    [InlineData("from=2010&to=2020&outlet=rasa-news-agency", 1)]
    public async Task Filters_by_outlet_name_or_slug_and_inclusive_date_ranges(string query, int expected)
    {
        var page = await app.GetJsonAsync($"/api/articles?{query}");

        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pages_hold_the_exact_total_and_the_last_page_the_rest()
    {
        var first = await app.GetJsonAsync("/api/articles?pageSize=2");
        var last = await app.GetJsonAsync("/api/articles?pageSize=2&page=3");
        var beyond = await app.GetJsonAsync("/api/articles?pageSize=2&page=4");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Single(last.GetProperty("items").EnumerateArray());
        Assert.Equal(5, last.GetProperty("total").GetInt32());
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        var all = await app.GetJsonAsync("/api/articles?pageSize=5");
        Assert.Equal(Titles(all), [.. Titles(first), .. Titles(await app.GetJsonAsync("/api/articles?pageSize=2&page=2")), .. Titles(last)]);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    [InlineData("from=2014-13", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2014-02-30", "to")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=2016&to=2014", "to")]
    [InlineData("sort=random", "sort")]
    public async Task Bad_parameters_answer_400_with_problem_details_naming_the_parameter(string query, string parameter)
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync($"/api/articles?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var message = problem.GetProperty("errors").GetProperty(parameter)[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task One_article_has_its_clean_body_and_paragraphs()
    {
        var list = await app.GetJsonAsync("/api/articles?outlet=press-tv");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();

        var article = await app.GetJsonAsync($"/api/articles/{id}");

        Assert.Equal("Iran offers anti-Daesh cooperation with PG states", article.GetProperty("title").GetString());
        Assert.Equal("000_5faf77dbe6b16ab2.txt", article.GetProperty("file").GetString());
        var body = article.GetProperty("body").GetString()!;
        var paragraphs = article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.StartsWith("Iran’s ambassador to Kuwait says", body, StringComparison.Ordinal);
        Assert.EndsWith("by another acronym.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("By Press TV", body, StringComparison.Ordinal);
        Assert.Equal(string.Join("\n\n", paragraphs), body);
        Assert.True(paragraphs.Count >= 10);
    }

    [Theory]
    [InlineData("/api/articles/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/articles/abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/-3", HttpStatusCode.BadRequest)]
    public async Task Unknown_or_malformed_ids_answer_with_problem_details(string url, HttpStatusCode expected)
    {
        var problem = await app.GetJsonAsync(url, expected);

        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
    }
}
