using System.Net;
using System.Text.Json;

namespace NewsArchive.Tests.Api;

/// <summary>GET /api/search through HTTP against the real app and the five seeds.</summary>
public sealed class SearchApiTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task Answers_a_query_with_ranked_marked_items_facets_and_every_documented_field()
    {
        var body = await app.GetJsonAsync("/api/search?q=Soleimani");

        foreach (var field in new[] { "query", "total", "tookMs", "items", "facets", "undated", "suggestion", "expandedTerms" })
        {
            Assert.True(body.TryGetProperty(field, out _), $"missing field {field}");
        }

        Assert.Equal("Soleimani", body.GetProperty("query").GetString());
        Assert.Equal("relevance", body.GetProperty("sort").GetString());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(body.GetProperty("total").GetInt32(), items.Count);
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            foreach (var field in new[] { "id", "title", "outlet", "publishedAt", "snippet", "score" })
            {
                Assert.True(item.TryGetProperty(field, out _), $"missing item field {field}");
            }

            Assert.Contains("<mark>Soleimani</mark>", item.GetProperty("snippet").GetString(), StringComparison.Ordinal);
            Assert.True(item.GetProperty("score").GetDouble() > 0);
        }

        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var outlets = body.GetProperty("facets").GetProperty("outlets").EnumerateArray().ToList();
        Assert.Equal(items.Count, outlets.Sum(o => o.GetProperty("count").GetInt32()));
        Assert.All(outlets, o => Assert.False(string.IsNullOrEmpty(o.GetProperty("slug").GetString())));
    }

    [Fact]
    public async Task Expands_aliases_and_says_which_terms_it_added()
    {
        var expanded = await app.GetJsonAsync("/api/search?q=Daesh");
        var literal = await app.GetJsonAsync("/api/search?q=%22Daesh%22");

        var added = expanded.GetProperty("expandedTerms").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("ISIL", added);
        Assert.Empty(literal.GetProperty("expandedTerms").EnumerateArray());
        // Two seeds name ISIL but never Daesh.
        Assert.Equal(literal.GetProperty("total").GetInt32() + 2, expanded.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_empty_query_lists_by_date_with_the_same_filters_and_facets()
    {
        var body = await app.GetJsonAsync("/api/search?q=&from=2014");

        Assert.Equal("newest", body.GetProperty("sort").GetString());
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.Equal(0, body.GetProperty("undated").GetInt32());
        Assert.All(body.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("score").ValueKind));
        var years = body.GetProperty("facets").GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ToList();
        Assert.Equal([2014, 2016], years);
        Assert.Equal(3, (await app.GetJsonAsync("/api/search")).GetProperty("undated").GetInt32());
    }

    [Fact]
    public async Task Repairs_a_malformed_query_and_reports_the_repair()
    {
        var body = await app.GetJsonAsync("/api/search?q=%22Quds%20Force");

        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Contains(body.GetProperty("notices").EnumerateArray(), n => n.GetString()!.Contains("quote", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/search?q=-iran", "q", "only excludes")]
    [InlineData("/api/search?sort=best", "sort", "relevance, newest or oldest")]
    [InlineData("/api/search?q=iran&page=0", "page", "whole number")]
    [InlineData("/api/search?q=iran&pageSize=1000", "pageSize", "1 to 100")]
    [InlineData("/api/search?from=2014-13", "from", "YYYY-MM")]
    public async Task Bad_parameters_get_a_readable_400(string url, string parameter, string message)
    {
        var problem = await app.GetJsonAsync(url, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_query_of_ten_thousand_characters_gets_a_400_not_a_stall()
    {
        var problem = await app.GetJsonAsync("/api/search?q=" + new string('x', 10_000), HttpStatusCode.BadRequest);
        Assert.Contains("at most 1,000", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }
}
