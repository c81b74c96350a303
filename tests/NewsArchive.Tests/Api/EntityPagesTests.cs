using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Api;

/// <summary>Entity facets and filters, the entity pages and the article's entities, through HTTP over the seeds, checked against the database.</summary>
public sealed partial class EntityPagesTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("q=cooperation")]
    [InlineData("q=terrorist&from=2014&to=2016")]
    [InlineData("outlet=fars-news-agency")]
    [InlineData("entity=iraq")]
    [InlineData("q=Daesh&entity=islamic-state&entity=baghdad")]
    public async Task Every_entity_facet_counts_what_its_link_gives(string filters)
    {
        var results = await app.GetJsonAsync($"/api/search?{filters}");
        var facets = Facets(results).ToList();
        Assert.NotEmpty(facets);

        foreach (var (kind, slug, count) in facets)
        {
            var narrowed = await app.GetJsonAsync($"/api/search?{filters}&entity={slug}");
            Assert.True(narrowed.GetProperty("total").GetInt32() == count, $"{kind} {slug}: facet {count}, search with it {narrowed.GetProperty("total")}");
        }

        // The filtered entities themselves are no facet: each would count every result.
        Assert.DoesNotContain(facets, f => filters.Contains($"entity={f.Slug}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Facet_counts_over_the_whole_archive_are_the_articles_naming_each_entity()
    {
        var results = await app.GetJsonAsync("/api/search");

        foreach (var (_, slug, count) in Facets(results))
        {
            Assert.Equal(app.Archive.Scalar<int>($"SELECT count(*) FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId WHERE e.Slug = '{slug}'"), count);
        }

        Assert.Equal("Islamic State", results.GetProperty("facets").GetProperty("organisations")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_search_page_links_each_name_as_a_filter_and_shows_the_filters_it_applies()
    {
        var html = await app.GetTextAsync("/search?q=cooperation");

        Assert.Contains("<h2 id=\"person-facet-heading\">People</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/search?q=cooperation&amp;entity=nouri-al-maliki\">Nouri al-Maliki</a> <span class=\"facet-count\">2</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/search?q=cooperation&amp;entity=iraq\">Iraq</a> <span class=\"facet-count\">5</span>", html, StringComparison.Ordinal);

        var narrowed = await app.GetTextAsync("/search?q=cooperation&entity=nouri-al-maliki&sort=oldest");

        Assert.Contains("2 results", narrowed, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/entities/nouri-al-maliki\">Nouri al-Maliki</a> <a href=\"/search?q=cooperation&amp;sort=oldest\" aria-label=\"Remove Nouri al-Maliki from the filters\">", narrowed, StringComparison.Ordinal);
        // The next name narrows further, and the forms carry the filter along.
        Assert.Contains("href=\"/search?q=cooperation&amp;entity=nouri-al-maliki&amp;entity=hossein-dehqan&amp;sort=oldest\"", narrowed, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(narrowed, "<input type=\"hidden\" name=\"entity\" value=\"nouri-al-maliki\">"));
        Assert.Equal(ArticlesNaming("nouri-al-maliki", "a.PublishedAt IS NULL, a.PublishedAt, a.Id"), ArticleIds(narrowed));
    }

    [Fact]
    public async Task An_unknown_entity_matches_nothing_and_too_many_are_refused()
    {
        var none = await app.GetJsonAsync("/api/search?entity=no-such-name");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var page = await app.GetTextAsync("/search?entity=no-such-name");
        Assert.Contains("No article matches with these filters", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/search\">Remove the filters", page, StringComparison.Ordinal);

        var many = string.Join('&', Enumerable.Range(0, 21).Select(i => $"entity=e{i}"));
        var refused = await app.GetJsonAsync($"/api/search?{many}", HttpStatusCode.BadRequest);
        Assert.Contains("at most 20 entities", refused.GetProperty("errors").GetProperty("entity")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entity_page_shows_its_articles_over_time_its_outlets_and_the_names_with_it()
    {
        var html = await app.GetTextAsync("/entities/nouri-al-maliki");

        Assert.Contains("<h1>Nouri al-Maliki</h1>", html, StringComparison.Ordinal);
        Assert.Contains("A person named in 2 articles", html, StringComparison.Ordinal);
        Assert.Equal(ArticlesNaming("nouri-al-maliki", "a.PublishedAt IS NULL, a.PublishedAt DESC, a.Id DESC"), ArticleIds(html));
        // The timeline's bars stay on this page, its list filtered to their period.
        Assert.Contains("href=\"/entities/nouri-al-maliki?from=2014&amp;to=2014\"", html, StringComparison.Ordinal);

        var outlets = OutletRow().Matches(html).ToDictionary(m => m.Groups["slug"].Value, m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            app.Archive.Column("SELECT o.Slug || '=' || count(*) FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId JOIN Articles a ON a.Id = m.ArticleId JOIN Outlets o ON o.Id = a.OutletId WHERE e.Slug = 'nouri-al-maliki' GROUP BY o.Slug ORDER BY o.Slug"),
            outlets.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"));

        var with = WithRow().Matches(html).ToList();
        Assert.NotEmpty(with);
        foreach (var row in with)
        {
            Assert.Equal(row.Groups["other"].Value, row.Groups["link"].Value);
            Assert.Equal(NamingBoth("nouri-al-maliki", row.Groups["other"].Value), int.Parse(row.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Contains(with, row => row.Groups["other"].Value == "baghdad" && row.Groups["count"].Value == "2");
    }

    [Fact]
    public async Task An_entity_page_pages_and_narrows_to_dates_like_a_list()
    {
        var paged = await app.GetTextAsync("/entities/iraq?pageSize=2");
        Assert.Contains("Page 1 of 3", paged, StringComparison.Ordinal);
        Assert.Contains("href=\"/entities/iraq?pageSize=2&amp;page=2\"", paged, StringComparison.Ordinal);
        Assert.Equal(2, ArticleIds(paged).Count);

        var year = await app.GetTextAsync("/entities/iraq?from=2016&to=2016");
        Assert.Contains("A place named in 5 articles, 1 of them in these dates", year, StringComparison.Ordinal);
        Assert.Single(ArticleIds(year));
    }

    [Theory]
    [InlineData("/entities/no-such-name", HttpStatusCode.NotFound, "There is nothing at this address")]
    [InlineData("/entities/Iraq", HttpStatusCode.NotFound, "There is nothing at this address")]
    [InlineData("/entities/iraq?page=0", HttpStatusCode.BadRequest, "is not valid for page")]
    [InlineData("/entities/iraq?from=someday", HttpStatusCode.BadRequest, "is not a date")]
    public async Task Unknown_entities_and_bad_parameters_get_friendly_pages(string url, HttpStatusCode status, string message)
    {
        var html = await app.GetTextAsync(url, status);

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_lists_the_most_named_entities_of_each_kind_with_their_counts()
    {
        var html = await app.GetTextAsync("/entities");

        Assert.Contains("<caption>People</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Places</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Organisations</caption>", html, StringComparison.Ordinal);
        var rows = IndexRow().Matches(html).Select(m => $"{m.Groups["slug"].Value}={m.Groups["count"].Value}").ToList();
        Assert.Equal(app.Archive.Scalar<long>("SELECT count(*) FROM Entities"), rows.Count);
        Assert.Equal(
            app.Archive.Column("SELECT e.Slug || '=' || count(*) FROM Entities e JOIN ArticleEntities m ON m.EntityId = e.Id GROUP BY e.Id ORDER BY e.Slug"),
            rows.Order(StringComparer.Ordinal));
        Assert.Contains("<a href=\"/entities\">People &amp; places</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_page_links_the_people_places_and_organisations_it_names()
    {
        var id = app.Archive.Scalar<long>("SELECT Id FROM Articles WHERE RelativePath = '002_d0c6aed771c1a732.txt'");

        var html = await app.GetTextAsync($"/articles/{id}");

        Assert.Contains("<h2 id=\"named-heading\">People, places, organisations in this article</h2>", html, StringComparison.Ordinal);
        var linked = Regex.Matches(html, "<a href=\"/entities/([a-z0-9-]+)\">").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        Assert.Equal(app.Archive.Column($"SELECT e.Slug FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId WHERE m.ArticleId = {id} ORDER BY e.Slug"), linked);
        Assert.Contains("<a href=\"/entities/qassem-soleimani\">Qassem Soleimani</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_keep_the_entity_filter()
    {
        var client = await app.ReadyClientAsync();

        var response = await client.GetAsync("/search.csv?entity=hossein-dehqan");

        Assert.Equal("2", response.Headers.GetValues("X-Total-Count").Single());
    }

    private static readonly string[] Kinds = ["people", "places", "organisations"];

    private static IEnumerable<(string Kind, string Slug, int Count)> Facets(JsonElement results) =>
        from kind in Kinds
        from entity in results.GetProperty("facets").GetProperty(kind).EnumerateArray()
        select (kind, entity.GetProperty("slug").GetString()!, entity.GetProperty("count").GetInt32());

    private List<string> ArticlesNaming(string slug, string order) =>
        app.Archive.Column($"SELECT a.Id FROM Articles a JOIN ArticleEntities m ON m.ArticleId = a.Id JOIN Entities e ON e.Id = m.EntityId WHERE e.Slug = '{slug}' ORDER BY {order}");

    private int NamingBoth(string first, string second) =>
        app.Archive.Scalar<int>(
            $"SELECT count(*) FROM ArticleEntities a JOIN Entities ea ON ea.Id = a.EntityId JOIN ArticleEntities b ON b.ArticleId = a.ArticleId JOIN Entities eb ON eb.Id = b.EntityId WHERE ea.Slug = '{first}' AND eb.Slug = '{second}'");

    private static List<string> ArticleIds(string html) => [.. Regex.Matches(html, "<h2><a href=\"/articles/(\\d+)").Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""<li><a href="/search\?entity=[a-z0-9-]+&amp;outlet=(?<slug>[a-z0-9-]+)">[^<]+</a> <span class="facet-count">(?<count>[\d,]+)</span></li>""")]
    private static partial Regex OutletRow();

    [GeneratedRegex("""<li><a href="/entities/(?<other>[a-z0-9-]+)">[^<]+</a> <a class="facet-count" href="/search\?entity=nouri-al-maliki&amp;entity=(?<link>[a-z0-9-]+)" aria-label="[^"]+">(?<count>[\d,]+)</a></li>""")]
    private static partial Regex WithRow();

    [GeneratedRegex("""<th scope="row"><a href="/entities/(?<slug>[a-z0-9-]+)">[^<]+</a></th>\s*<td class="number">(?<count>[\d,]+)</td>""")]
    private static partial Regex IndexRow();
}
