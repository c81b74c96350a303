using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Api;

/// <summary>What every page carries: the search box in the header and the archive's size and last run in the footer.</summary>
public sealed partial class LayoutTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    /// <summary>One address of each page type, with the status it answers.</summary>
    public static TheoryData<string, HttpStatusCode> PageTypes => new()
    {
        { "/", HttpStatusCode.OK },
        { "/?page=0", HttpStatusCode.BadRequest },
        { "/compare?q=iran&q=iraq", HttpStatusCode.OK },
        { "/compare?q=-iran", HttpStatusCode.BadRequest },
        { "/outlets", HttpStatusCode.OK },
        { "/outlets/fars-news-agency", HttpStatusCode.OK },
        { "/articles/1", HttpStatusCode.OK },
        { "/no/such/page", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Every_page_type_has_the_search_form_the_opensearch_link_and_the_footer(string url, HttpStatusCode status)
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var form = SearchForm().Match(html);
        Assert.True(form.Success, $"{url} has no search form");
        Assert.Contains("<label for=\"site-search-q\"", form.Value, StringComparison.Ordinal);
        Assert.Matches("<input id=\"site-search-q\" type=\"search\" name=\"q\"", form.Value);
        Assert.Contains("<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"NewsArchive\" href=\"/opensearch.xml\">", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/site.js\\?v=[^\"]+\" defer></script>", html);
        Assert.Contains("5 articles from <a href=\"/outlets\">3 outlets</a>", html, StringComparison.Ordinal);
        Assert.Contains("Last ingestion: ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Footer_gives_the_time_and_outcome_of_the_last_run_recorded_in_the_database()
    {
        var client = await app.ReadyClientAsync();

        var html = await client.GetStringAsync("/outlets");

        var finished = DateTime.Parse(
            app.Archive.Scalar<string>("SELECT FinishedAt FROM IngestionRuns WHERE FinishedAt IS NOT NULL ORDER BY Id DESC LIMIT 1"), CultureInfo.InvariantCulture);
        var expected = $"Last ingestion: <time datetime=\"{finished:yyyy-MM-dd'T'HH:mm:ss}Z\">{finished:d MMM yyyy HH:mm} UTC</time> — 5 added";
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Footer_follows_the_archive_when_a_file_arrives()
    {
        using var watched = new ArchiveAppFactory();
        var client = await watched.ReadyClientAsync();
        Assert.Contains("5 articles from", await client.GetStringAsync("/"), StringComparison.Ordinal);

        watched.Archive.Write("incoming/late.txt", "Late filing from Basra\nSource: Reuters\nDate: 2019-03-04\n\nThe port reopened on Monday.");

        // The watcher ingests within a second; the cached summary may be kept up to two seconds after a change.
        var html = "";
        for (var attempt = 0; attempt < 100 && !html.Contains("6 articles from", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            html = await client.GetStringAsync("/");
        }

        Assert.Contains("6 articles from <a href=\"/outlets\">4 outlets</a>", html, StringComparison.Ordinal);
        Assert.Contains("— 1 added</p>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/outlets/reuters\"", await client.GetStringAsync("/outlets"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_page_keeps_the_header_but_does_not_ask_the_archive_that_may_have_failed()
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync("/error");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.Matches(SearchForm(), html);
        Assert.DoesNotContain("articles from", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Last ingestion", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<form class="site-search" role="search" action="/search" method="get">.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex SearchForm();
}
