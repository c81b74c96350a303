using System.Net;
using NewsArchive.Tests.Api;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// A busy server: requests beyond the concurrency limit wait their turn; a search that cannot be answered within its
/// time budget is a 503 that says why and when to retry, never a 500.
/// </summary>
public sealed class BusyServerTests : IDisposable
{
    private readonly ArchiveAppFactory app = new() { Settings = [("Search:Budget", "00:00:00")] };

    [Theory]
    [InlineData("/api/search?q=cooperation")]
    [InlineData("/api/articles?q=iran")]
    [InlineData("/search.csv?q=iran")]
    [InlineData("/search.atom?q=iran&sort=newest")]
    [InlineData("/api/compare?q=iran&q=iraq")]
    [InlineData("/compare.csv?q=iran&q=iraq")]
    public async Task The_api_and_feeds_answer_busy_with_problem_details(string url)
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        Assert.Contains("narrow it with more words", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_answers_busy_in_words_and_browsing_needs_no_budget()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/search?q=cooperation");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Contains("<h1>The archive is busy</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        // No text query, no full-text scan: the newest articles are still served.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Requests_beyond_the_concurrency_limit_wait_and_are_all_answered()
    {
        using var oneAtATime = new ArchiveAppFactory { Settings = [("Archive:ConcurrentRequests", "1")] };
        var client = await oneAtATime.ReadyClientAsync();
        var urls = Enumerable.Range(0, 24).Select(i => i % 3 == 0 ? "/healthz" : $"/api/search?q=iran&page={i}&pageSize=1");

        var statuses = await Task.WhenAll(urls.Select(async url => (await client.GetAsync(url)).StatusCode));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    public void Dispose() => app.Dispose();
}
