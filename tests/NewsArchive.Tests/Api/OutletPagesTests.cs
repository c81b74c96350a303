using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Api;

/// <summary>/outlets and /outlets/{slug}, rendered by the real app over the seeds and checked against the database.</summary>
public sealed partial class OutletPagesTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task Outlets_page_lists_every_outlet_with_its_count_and_span_as_in_the_database()
    {
        var client = await app.ReadyClientAsync();

        var html = await client.GetStringAsync("/outlets");

        var rows = OutletRow().Matches(html).Select(m => (Slug: m.Groups["slug"].Value, Name: m.Groups["name"].Value,
            Count: int.Parse(m.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), Span: m.Groups["span"].Value.Trim())).ToList();
        Assert.Equal(app.Archive.Column("SELECT Slug FROM Outlets ORDER BY Slug"), rows.Select(r => r.Slug).Order());
        foreach (var row in rows)
        {
            Assert.Equal(app.Archive.Scalar<string>($"SELECT Name FROM Outlets WHERE Slug = '{row.Slug}'"), row.Name);
            Assert.Equal(ArticlesOf(row.Slug), row.Count);
        }

        // Largest first, ties by name; a span of one day is that day; an outlet with no dated article says so.
        Assert.Equal(["fars-news-agency", "rasa-news-agency", "press-tv"], rows.Select(r => r.Slug));
        Assert.Equal("<time datetime=\"2014-11-12\">12 Nov 2014</time>", rows[0].Span);
        Assert.Equal("undated", rows[2].Span);
        Assert.Contains("3 outlets, 5 articles", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlets_page_shows_a_span_from_the_first_to_the_last_dated_article()
    {
        using var changed = new ArchiveAppFactory();
        changed.Archive.Write("extra/early.txt", "An early Fars report\nSource: Fars News Agency\nDate: 2009-06-13\n\nVoting ended late in the evening.");
        var client = await changed.ReadyClientAsync();

        var html = await client.GetStringAsync("/outlets");

        var fars = OutletRow().Matches(html).Single(m => m.Groups["slug"].Value == "fars-news-agency");
        Assert.Equal("3", fars.Groups["count"].Value);
        Assert.Equal("<time datetime=\"2009-06-13\">13 Jun 2009</time> – <time datetime=\"2014-11-12\">12 Nov 2014</time>", fars.Groups["span"].Value.Trim());
        Assert.Equal("fars-news-agency", OutletRow().Match(html).Groups["slug"].Value);
    }

    [Fact]
    public async Task Outlet_page_lists_that_outlets_articles_newest_first_under_its_name_count_and_span()
    {
        var client = await app.ReadyClientAsync();

        var html = await client.GetStringAsync("/outlets/fars-news-agency");

        Assert.Contains("<h1>Fars News Agency</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Fars News Agency · NewsArchive</title>", html, StringComparison.Ordinal);
        Assert.Contains("2 articles · ", html, StringComparison.Ordinal);
        Assert.Contains("12 Nov 2014", html, StringComparison.Ordinal);
        var ids = ArticleLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        // Newest first: the dated article, then the undated one (ids break no tie here).
        Assert.Equal(app.Archive.Column(
            "SELECT a.Id FROM Articles a JOIN Outlets o ON o.Id = a.OutletId WHERE o.Slug = 'fars-news-agency' ORDER BY a.PublishedAt IS NULL, a.PublishedAt DESC"), ids);
        Assert.Equal(2, Regex.Count(html, "<a class=\"outlet\" href=\"/outlets/fars-news-agency\">Fars News Agency</a>"));
        Assert.DoesNotContain("Press TV</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlet_page_pages_with_links_that_keep_the_address_and_ignores_an_outlet_parameter()
    {
        var client = await app.ReadyClientAsync();

        var html = await client.GetStringAsync("/outlets/rasa-news-agency?pageSize=1&outlet=press-tv");

        Assert.Contains("Page 1 of 2", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/outlets/rasa-news-agency?pageSize=1&amp;outlet=press-tv&amp;page=2\"", html, StringComparison.Ordinal);
        Assert.Single(ArticleLink().Matches(html));
        Assert.Contains(">Rasa News Agency</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_lists_link_the_outlet_name_to_its_page()
    {
        var client = await app.ReadyClientAsync();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<a class=\"outlet\" href=\"/outlets/press-tv\">Press TV</a>", html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(html, "<a class=\"outlet\" href=\"/outlets/[a-z-]+\">"));
        Assert.Contains("<a href=\"/outlets\">Outlets</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/outlets/no-such-outlet")]
    [InlineData("/outlets/Fars-News-Agency")]
    public async Task Unknown_outlet_gets_the_friendly_404(string url)
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlet_page_explains_bad_parameters_instead_of_failing()
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync("/outlets/press-tv?page=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("is not valid for page", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/outlets/press-tv\">Show the list without these parameters</a>", html, StringComparison.Ordinal);
    }

    private int ArticlesOf(string slug) =>
        app.Archive.Scalar<int>($"SELECT count(*) FROM Articles a JOIN Outlets o ON o.Id = a.OutletId WHERE o.Slug = '{slug}'");

    [GeneratedRegex("""<th scope="row"><a href="/outlets/(?<slug>[^"]+)">(?<name>[^<]+)</a></th>\s*<td class="number">(?<count>[\d,]+)</td>\s*<td>(?<span>.*?)</td>""", RegexOptions.Singleline)]
    private static partial Regex OutletRow();

    [GeneratedRegex("""<h2><a href="/articles/(\d+)">""")]
    private static partial Regex ArticleLink();
}
