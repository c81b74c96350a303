namespace NewsArchive.Tests.Search;

/// <summary>A small archive whose every article was written to prove one rule of ranking, matching or marking.</summary>
public sealed class PlantedArchive : SearchableArchive
{
    public override Task InitializeAsync()
    {
        Plant("title-hit.txt", "Desalination plant opens in Kuwait", "Gulf Times", "2015-03-02", "Engineers opened the plant on Monday. It supplies water to the city.");
        Plant("body-hit.txt", "Regional water talks end", "Gulf Times", "2015-03-03", "Delegates discussed desalination, desalination costs and more desalination plants at length.");
        Plant("coop.txt", "Neighbours sign accord", "Arab News", "2016-07-10", "The two countries pledged closer cooperation on border security.");
        Plant("tehran.txt", "Snow in TEHRÁN", "Arab News", "2016-12-24", "Heavy snow closed schools in the capital.");
        Plant("daesh.txt", "Daesh fighters retreat", "Al Monitor", "2017-01-05", "Daesh fighters left the town after a week of clashes.");
        Plant("isil.txt", "ISIL claims attack", "Al Monitor", "2017-02-05", "ISIL said it carried out the attack on the checkpoint.");
        Plant("islamic-state.txt", "Islamic State loses ground", "Al Monitor", "2017-03-05", "The Islamic State group lost the last district it held.");
        Plant("hostile.txt", "<script>alert(1)</script> desalination", "Gulf Times", "2015-04-01", "<img src=x onerror=alert(2)> desalination & \"co\" <b>bold</b> javascript:alert(3)");
        Plant("undated.txt", "Undated note on desalination", "Gulf Times", null, "A desalination note without a date.");
        return base.InitializeAsync();
    }
}

public sealed class SearchEngineTests(PlantedArchive archive) : IClassFixture<PlantedArchive>
{
    private async Task<List<string>> Titles(string q, string? sort = null) =>
        (await archive.SearchAsync(q, sort: sort)).Items.Select(h => h.Article.Title).ToList();

    [Fact]
    public async Task A_title_hit_outranks_a_body_only_hit()
    {
        var titles = await Titles("desalination");
        Assert.True(titles.IndexOf("Desalination plant opens in Kuwait") < titles.IndexOf("Regional water talks end"), string.Join(" | ", titles));
    }

    [Theory]
    [InlineData("desalination plant", new[] { "Desalination plant opens in Kuwait", "Regional water talks end" })]
    [InlineData("\"desalination plant\"", new[] { "Desalination plant opens in Kuwait", "Regional water talks end" })]
    [InlineData("\"plant opens\"", new[] { "Desalination plant opens in Kuwait" })]
    [InlineData("snow OR accord", new[] { "Snow in TEHRÁN", "Neighbours sign accord" })]
    [InlineData("desalination -kuwait -note -alert", new[] { "Regional water talks end" })]
    [InlineData("desalination NOT (kuwait OR note OR alert)", new[] { "Regional water talks end" })]
    [InlineData("desalin*", new[] { "Desalination plant opens in Kuwait", "Regional water talks end", "<script>alert(1)</script> desalination", "Undated note on desalination" })]
    [InlineData("title:water", new[] { "Regional water talks end" })]
    [InlineData("title:\"plant opens\"", new[] { "Desalination plant opens in Kuwait" })]
    [InlineData("outlet:\"Arab News\" snow", new[] { "Snow in TEHRÁN" })]
    [InlineData("outlet:arab-news", new[] { "Snow in TEHRÁN", "Neighbours sign accord" })]
    [InlineData("-outlet:gulf-times desalination OR snow", new[] { "Snow in TEHRÁN" })]
    [InlineData("cooperate", new[] { "Neighbours sign accord" })]
    [InlineData("tehran", new[] { "Snow in TEHRÁN" })]
    [InlineData("\"Islamic State\"", new[] { "Islamic State loses ground" })]
    [InlineData("ISIL", new[] { "Daesh fighters retreat", "ISIL claims attack", "Islamic State loses ground" })]
    [InlineData("IS", new[] { "Daesh fighters retreat", "ISIL claims attack", "Islamic State loses ground" })]
    [InlineData("\"ISIL\"", new[] { "ISIL claims attack" })]
    public async Task Each_operator_matches_what_it_says(string q, string[] expected)
    {
        var titles = await Titles(q);
        Assert.Equal(expected.Order(), titles.Order());
    }

    [Fact]
    public async Task Reports_the_alias_terms_it_added()
    {
        var results = await archive.SearchAsync("Daesh");
        Assert.Contains("ISIL", results.Query.Text.ExpandedTerms);
        Assert.Contains("Islamic State", results.Query.Text.ExpandedTerms);
        Assert.DoesNotContain("Daesh", results.Query.Text.ExpandedTerms);
        Assert.Empty((await archive.SearchAsync("\"Daesh\"")).Query.Text.ExpandedTerms);
    }

    [Fact]
    public async Task Marks_matches_in_html_that_cannot_carry_markup_from_the_article()
    {
        var hit = Assert.Single((await archive.SearchAsync("alert")).Items);
        foreach (var html in new[] { hit.TitleHtml, hit.SnippetHtml })
        {
            Assert.Contains("<mark>", html, StringComparison.Ordinal);
            // Remove the only tags the engine may add: nothing else may open a tag.
            Assert.DoesNotContain("<", html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;", hit.TitleHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=<mark>alert</mark>(2)&gt;", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undated_articles_match_without_a_date_filter_and_are_counted()
    {
        var all = await archive.SearchAsync("desalination", sort: "newest");
        Assert.Equal(1, all.Undated);
        Assert.Equal("Undated note on desalination", all.Items[^1].Article.Title);
        Assert.Equal("Undated note on desalination", (await archive.SearchAsync("desalination", sort: "oldest")).Items[^1].Article.Title);

        var dated = await archive.SearchAsync("desalination", from: "2015", to: "2015");
        Assert.Equal(0, dated.Undated);
        Assert.Equal(all.Total - 1, dated.Total);
    }

    [Fact]
    public async Task Date_bounds_are_inclusive_at_day_precision()
    {
        Assert.Equal(["Desalination plant opens in Kuwait"], (await archive.SearchAsync("desalination", from: "2015-03-02", to: "2015-03-02")).Items.Select(h => h.Article.Title));
        Assert.Equal(2, (await archive.SearchAsync("desalination", from: "2015-03", to: "2015-03")).Total);
    }

    [Fact]
    public async Task Facets_count_over_the_other_filters()
    {
        var results = await archive.SearchAsync("desalination OR snow", outlet: ["gulf-times"], from: "2015", to: "2015");
        // Outlets ignore the outlet filter but keep the dates: Arab News has no 2015 match.
        Assert.Equal([("Gulf Times", 3)], results.Facets.Outlets.Select(o => (o.Name, o.Count)));
        // Years ignore the dates but keep the outlet, and the months of the one chosen year are counted.
        Assert.Equal([(2015, 3)], results.Facets.Years.Select(y => (y.Year, y.Count)));
        Assert.Equal([(3, 2), (4, 1)], results.Facets.Months.Select(m => (m.Month, m.Count)));
    }

    [Fact]
    public async Task Sees_new_articles_as_soon_as_they_are_committed()
    {
        Assert.Empty((await archive.SearchAsync("zanzibar")).Items);
        archive.Archive.Write("late.txt", "Zanzibar ferry resumes\nSource: Gulf Times\nDate: 2018-01-01\n\nThe ferry to Zanzibar sails again.");
        await archive.Archive.IngestAsync();
        Assert.Single((await archive.SearchAsync("zanzibar")).Items);
    }
}
