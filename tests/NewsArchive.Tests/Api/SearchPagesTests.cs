using System.Net;
using System.Xml.Linq;
using NewsArchive.Web.Feeds;

namespace NewsArchive.Tests.Api;

/// <summary>The search page, its filters in the URL, and its feeds and exports, through HTTP over the five seeds.</summary>
public sealed class SearchPagesTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task Shows_ranked_marked_results_with_facets_timeline_and_exports()
    {
        var html = await app.GetTextAsync("/search?q=Soleimani");

        Assert.Contains("<title>Soleimani – search · NewsArchive</title>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Soleimani\"", html, StringComparison.Ordinal);
        Assert.Matches(@"\d result", html);
        Assert.Contains("<mark>Soleimani</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<legend>Outlets</legend>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"outlet\" value=\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search.csv?q=Soleimani\"", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", html, StringComparison.Ordinal);
        // Result links carry the search, so the article page can mark the terms and lead back.
        Assert.Matches("href=\"/articles/\\d+\\?q=Soleimani\"", html);
    }

    [Fact]
    public async Task The_home_page_lists_by_date_with_year_links_that_filter()
    {
        var html = await app.GetTextAsync("/");

        Assert.Contains("<h1>Newest articles</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?from=2014&amp;to=2014\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var year = await app.GetTextAsync("/search?from=2014&to=2014");
        Assert.Contains("1 article", year, StringComparison.Ordinal);
        Assert.Contains("Months of 2014", year, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_outlets_checked_in_the_url()
    {
        var html = await app.GetTextAsync("/search?q=cooperation&outlet=fars-news-agency&outlet=rasa-news-agency");

        Assert.Contains("value=\"fars-news-agency\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"rasa-news-agency\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("4 results", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=cooperation\">All outlets", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_query_gets_a_friendly_400_and_an_empty_result_gets_ways_forward()
    {
        var bad = await app.GetTextAsync("/search?q=-iran", HttpStatusCode.BadRequest);
        Assert.Contains("only excludes", bad, StringComparison.Ordinal);
        Assert.Contains("href=\"/help\"", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", bad, StringComparison.Ordinal);

        var none = await app.GetTextAsync("/search?q=zanzibar&from=2014");
        Assert.Contains("No article matches zanzibar with these filters", none, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=zanzibar\">Remove the filters", none, StringComparison.Ordinal);

        var repaired = await app.GetTextAsync("/search?q=%22Quds%20Force");
        Assert.Contains("Closed a quote that was left open.", repaired, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_the_alias_terms_it_added()
    {
        var html = await app.GetTextAsync("/search?q=Daesh");
        Assert.Contains("Also searched for ISIL, ISIS", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_reached_from_a_search_marks_the_terms_and_leads_through_the_results()
    {
        var results = await app.GetTextAsync("/search?q=cooperation&sort=oldest&pageSize=2");
        var links = System.Text.RegularExpressions.Regex.Matches(results, "<h2><a href=\"(/articles/(\\d+)[^\"]*)\"").Select(m => (Url: WebUtility.HtmlDecode(m.Groups[1].Value), Id: m.Groups[2].Value)).ToList();
        Assert.Equal(2, links.Count);

        var second = await app.GetTextAsync(links[1].Url);
        Assert.Contains("<mark>cooperation</mark>", second, StringComparison.Ordinal);
        Assert.Contains("Result 2 of 5 for <strong>cooperation</strong>", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/search?q=cooperation&amp;sort=oldest&amp;pageSize=2#hit-{links[1].Id}\">Back to results", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/articles/{links[0].Id}?q=cooperation&amp;sort=oldest&amp;pageSize=2&amp;page=1\" rel=\"prev\">Previous result", second, StringComparison.Ordinal);
        // The next hit is the first of page 2.
        Assert.Matches("href=\"/articles/\\d+\\?q=cooperation&amp;sort=oldest&amp;pageSize=2&amp;page=2\" rel=\"next\">Next result", second);

        var plain = await app.GetTextAsync($"/articles/{links[1].Id}");
        Assert.DoesNotContain("<mark>", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Back to results", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_links_to_its_outlet_and_its_neighbours_there()
    {
        var html = await app.GetTextAsync("/search?outlet=fars-news-agency&from=2014");
        var url = System.Text.RegularExpressions.Regex.Match(html, "<h2><a href=\"(/articles/\\d+)").Groups[1].Value;
        var article = await app.GetTextAsync(url);

        Assert.Contains("href=\"/outlets/fars-news-agency\">Fars News Agency</a>", article, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"Fars News Agency, 12 November 2014, 15:18:", article, StringComparison.Ordinal);
        // The other Fars seed is undated, so this one has no dated neighbour in its outlet.
        Assert.DoesNotContain("Earlier in Fars", article, StringComparison.Ordinal);
        var rasa = await app.GetTextAsync(System.Text.RegularExpressions.Regex.Match(await app.GetTextAsync("/search?outlet=rasa-news-agency&from=2016"), "<h2><a href=\"(/articles/\\d+)").Groups[1].Value);
        Assert.DoesNotContain("Later in Rasa", rasa, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_page_examples_run_against_the_archive()
    {
        var help = await app.GetTextAsync("/help");
        var examples = System.Text.RegularExpressions.Regex.Matches(help, "href=\"(/search\\?q=[^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.True(examples.Count >= 10, $"{examples.Count} examples");
        foreach (var example in examples)
        {
            // Each one parses without a repair and runs.
            var page = await app.GetTextAsync(example);
            Assert.DoesNotContain("class=\"note\">Ignored", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_atom_feed_is_valid_atom_with_an_entry_per_hit()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/search.atom?q=cooperation");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal(atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.NotNull(feed.Element(atom + required));
        }

        Assert.Equal("self", feed.Elements(atom + "link").First().Attribute("rel")!.Value);
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(await TotalAsync("cooperation"), entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Matches("^http://localhost/articles/\\d+$", e.Element(atom + "id")!.Value);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", e.Element(atom + "updated")!.Value);
            Assert.NotEmpty(e.Element(atom + "author")!.Element(atom + "name")!.Value);
        });
    }

    [Fact]
    public async Task The_csv_export_holds_every_hit_correctly_escaped()
    {
        var client = await app.ReadyClientAsync();
        var response = await client.GetAsync("/search.csv?q=&sort=oldest");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var rows = ParseCsv(text);

        Assert.StartsWith("id,url,title,outlet,published_at,dateline,source_id,source_url,file\r\n", text, StringComparison.Ordinal);
        Assert.Equal(["id", "url", "title", "outlet", "published_at", "dateline", "source_id", "source_url", "file"], rows[0]);
        Assert.Equal(5 + 1, rows.Count);
        Assert.Equal("VP: Iran, Iraq continue fight against terrorist groups", rows[1][2]);
        Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task The_json_export_holds_every_hit()
    {
        var json = System.Text.Json.JsonDocument.Parse(await app.GetTextAsync("/search.json?q=cooperation")).RootElement;
        Assert.Equal(json.GetProperty("total").GetInt32(), json.GetProperty("items").GetArrayLength());
        Assert.False(json.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData(null, "")]
    public void Csv_fields_follow_rfc_4180_and_carry_no_formulas(string? value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    private async Task<int> TotalAsync(string q) =>
        System.Text.Json.JsonDocument.Parse(await app.GetTextAsync($"/api/search?q={q}")).RootElement.GetProperty("total").GetInt32();

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
