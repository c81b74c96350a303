using System.Net;
using System.Text.Json;

namespace NewsArchive.Tests.Api;

/// <summary>GET /api/suggest, GET /api/articles/{id}/related and the article page's related list, through HTTP over the seeds.</summary>
public sealed class SuggestionsHttpTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<int> IdOfAsync(string file)
    {
        var all = await GetJsonAsync("/api/articles?pageSize=100");
        return all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("file").GetString() == file).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Suggest_offers_outlets_by_name_or_word_and_headlines_by_words_and_prefix()
    {
        var outlets = await GetJsonAsync("/api/suggest?q=news");
        var titles = await GetJsonAsync("/api/suggest?q=Iran%20coop");

        Assert.Equal("news", outlets.GetProperty("query").GetString());
        Assert.Equal(
            ["Fars News Agency|fars-news-agency|2", "Rasa News Agency|rasa-news-agency|2"],
            outlets.GetProperty("outlets").EnumerateArray().Select(o => $"{o.GetProperty("name")}|{o.GetProperty("slug")}|{o.GetProperty("count")}"));
        // Two headlines hold "Iran" and a word starting with "coop"; the shorter one, where they weigh more, first.
        Assert.Equal(2, titles.GetProperty("titles").GetArrayLength());
        var title = titles.GetProperty("titles")[0];
        Assert.Equal("Iran offers anti-Daesh cooperation with PG states", title.GetProperty("title").GetString());
        Assert.Equal("Press TV", title.GetProperty("outlet").GetString());
        Assert.Equal(JsonValueKind.Null, title.GetProperty("publishedAt").ValueKind);
        Assert.Equal(await IdOfAsync("000_5faf77dbe6b16ab2.txt"), title.GetProperty("id").GetInt32());
        Assert.Empty(titles.GetProperty("outlets").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/suggest")]
    [InlineData("/api/suggest?q=")]
    [InlineData("/api/suggest?q=%20%20")]
    public async Task Suggest_answers_blank_text_with_empty_lists(string url)
    {
        var suggestions = await GetJsonAsync(url);

        Assert.Empty(suggestions.GetProperty("outlets").EnumerateArray());
        Assert.Empty(suggestions.GetProperty("titles").EnumerateArray());
    }

    [Theory]
    [InlineData("iran%09coop", "control character")]
    [InlineData("iran%0A", "control character")]
    [InlineData("TOO_LONG", "at most 200 characters")]
    public async Task Suggest_explains_text_it_cannot_take(string q, string message)
    {
        var problem = await GetJsonAsync($"/api/suggest?q={(q == "TOO_LONG" ? new string('a', 201) : q)}", HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_lists_the_other_seeds_best_first_never_the_article_itself()
    {
        var id = await IdOfAsync("002_d0c6aed771c1a732.txt");

        var related = (await GetJsonAsync($"/api/articles/{id}/related")).GetProperty("items").EnumerateArray().ToList();
        var two = (await GetJsonAsync($"/api/articles/{id}/related?count=2")).GetProperty("items").EnumerateArray().ToList();

        // Five articles make a thin vocabulary: its most distinctive terms reach three or four of the others.
        Assert.InRange(related.Count, 3, 4);
        Assert.DoesNotContain(related, r => r.GetProperty("id").GetInt32() == id);
        Assert.All(related, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("title").GetString())));
        Assert.True(related[0].TryGetProperty("outletSlug", out _), "related items have the list's shape");
        Assert.Equal(related.Take(2).Select(r => r.GetProperty("id").GetInt32()), two.Select(r => r.GetProperty("id").GetInt32()));
    }

    [Theory]
    [InlineData("/api/articles/999999/related", HttpStatusCode.NotFound)]
    [InlineData("/api/articles/1/related?count=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/1/related?count=21", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/1/related?count=five", HttpStatusCode.BadRequest)]
    public async Task Related_answers_an_unknown_article_or_a_bad_count_with_problem_details(string url, HttpStatusCode expected)
    {
        var problem = await GetJsonAsync(url, expected);

        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Article_page_links_its_related_articles()
    {
        var client = await app.ReadyClientAsync();
        var id = await IdOfAsync("002_d0c6aed771c1a732.txt");
        var other = await IdOfAsync("000_5faf77dbe6b16ab2.txt");

        var html = await client.GetStringAsync($"/articles/{id}");

        var related = html[html.IndexOf("Related articles", StringComparison.Ordinal)..];
        Assert.Contains($"<a href=\"/articles/{other}\">Iran offers anti-Daesh cooperation with PG states</a>", related, StringComparison.Ordinal);
        Assert.Contains("Press TV", related, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/articles/{id}\"", related, StringComparison.Ordinal);
    }
}
