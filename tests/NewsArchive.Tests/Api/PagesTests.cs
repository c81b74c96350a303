using System.Net;

namespace NewsArchive.Tests.Api;

/// <summary>The first pages, rendered by the real app over the seeds.</summary>
public sealed class PagesTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task Home_lists_the_seed_articles_newest_first_with_outlet_and_date()
    {
        var client = await app.ReadyClientAsync();

        var html = await client.GetStringAsync("/");

        Assert.Contains("5 articles", html, StringComparison.Ordinal);
        Assert.Contains("VP: Iran, Iraq continue fight against terrorist groups", html, StringComparison.Ordinal);
        Assert.Contains("12 November 2014, 15:18", html, StringComparison.Ordinal);
        Assert.Contains("Undated", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("5 September 2016", StringComparison.Ordinal) < html.IndexOf("12 November 2014", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_pages_through_the_list_with_links_that_keep_the_filters()
    {
        var client = await app.ReadyClientAsync();

        var html = await client.GetStringAsync("/?pageSize=2&outlet=fars-news-agency");

        Assert.DoesNotContain("Page 1 of", html, StringComparison.Ordinal);
        var paged = await client.GetStringAsync("/?pageSize=2");
        Assert.Contains("Page 1 of 3", paged, StringComparison.Ordinal);
        Assert.Contains("href=\"/?pageSize=2&amp;page=3\"", paged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_explains_bad_parameters_instead_of_failing()
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync("/?from=someday&page=-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("is not a date", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_page_shows_the_facts_and_the_clean_paragraphs()
    {
        var client = await app.ReadyClientAsync();
        var home = await client.GetStringAsync("/?outlet=fars-news-agency&sort=newest");
        var href = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/articles/\\d+)[?\"]").Groups[1].Value;

        var html = await client.GetStringAsync(href);

        Assert.Contains("<title>VP: Iran, Iraq continue fight against terrorist groups · NewsArchive</title>", html, StringComparison.Ordinal);
        Assert.Contains("Fars News Agency", html, StringComparison.Ordinal);
        Assert.Contains("Tehran", html, StringComparison.Ordinal);
        Assert.Contains("129222", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://theiranproject.com/vdchiwnzi23niid.01t2.html\" rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
        Assert.Contains("<p>Iraqi Vice-President and former Prime Minister", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your Email Address", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles/999999")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_get_a_friendly_404(string url)
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
