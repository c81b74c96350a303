namespace NewsArchive.Tests.Search;

/// <summary>Search over all of ../shared/corpora: facets, paging and order on real data at a realistic size.</summary>
[Collection(nameof(CorporaArchiveCollection))]
public sealed class CorporaSearchTests(CorporaArchive archive)
{
    [Theory]
    [InlineData("oil")]
    [InlineData("")]
    public async Task Each_facet_count_is_the_total_its_click_gives(string q)
    {
        var results = await archive.SearchAsync(q, from: "1987-03", to: "2018");
        Assert.True(results.Facets.Outlets.Count >= 2);
        foreach (var outlet in results.Facets.Outlets.Take(6))
        {
            Assert.Equal(outlet.Count, (await archive.SearchAsync(q, outlet: [outlet.Slug], from: "1987-03", to: "2018")).Total);
        }

        foreach (var year in results.Facets.Years.Take(6))
        {
            var y = year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var inYear = await archive.SearchAsync(q, from: y, to: y);
            Assert.Equal(year.Count, inYear.Total);
            foreach (var month in inYear.Facets.Months.Take(3))
            {
                var m = $"{y}-{month.Month:00}";
                Assert.Equal(month.Count, (await archive.SearchAsync(q, from: m, to: m)).Total);
            }
        }
    }

    [Theory]
    [InlineData("said", "said")] // 19,520 matches: the page is marked hit by hit
    [InlineData("econom*", "econom")] // 2,315: in one statement over the page's rowid range
    public async Task Every_hit_on_a_page_is_marked_however_common_the_term(string q, string marked)
    {
        var results = await archive.SearchAsync(q);

        Assert.Equal(20, results.Items.Count);
        Assert.All(results.Items, hit => Assert.Contains($"<mark>{marked}", (hit.TitleHtml + hit.SnippetHtml).ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stems_english_words_both_ways()
    {
        var cooperate = await archive.SearchAsync("cooperate");
        Assert.True(cooperate.Total > 10);
        Assert.Contains(cooperate.Items, h => h.SnippetHtml.Contains("<mark>cooperation</mark>", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(cooperate.Total, (await archive.SearchAsync("cooperation")).Total);
    }

    [Theory]
    [InlineData("relevance")]
    [InlineData("newest")]
    [InlineData("oldest")]
    public async Task Pages_are_stable_disjoint_and_reach_the_last_one(string sort)
    {
        var first = await archive.SearchAsync("gold", sort: sort, pageSize: 100);
        Assert.True(first.PageCount > 3, $"{first.Total} hits");
        var seen = new List<int>();
        for (var page = 1; page <= first.PageCount; page++)
        {
            var results = await archive.SearchAsync("gold", sort: sort, page: page, pageSize: 100);
            Assert.Equal(first.Total, results.Total);
            seen.AddRange(results.Items.Select(h => h.Article.Id));
        }

        Assert.Equal(first.Total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(first.Total - ((first.PageCount - 1) * 100), (await archive.SearchAsync("gold", sort: sort, page: first.PageCount, pageSize: 100)).Items.Count);
        Assert.Empty((await archive.SearchAsync("gold", sort: sort, page: first.PageCount + 1, pageSize: 100)).Items);
    }

    [Fact]
    public async Task Orders_by_score_then_date_and_by_date_with_undated_last()
    {
        var ranked = (await archive.SearchAsync("trade deficit", pageSize: 100)).Items;
        Assert.Equal(ranked.OrderByDescending(h => h.Score).Select(h => h.Article.Id), ranked.Select(h => h.Article.Id));

        var newest = (await archive.SearchAsync("", sort: "newest", page: 265, pageSize: 100)).Items.Select(h => h.Article.PublishedAt?.Value).ToList();
        Assert.Equal(newest.OrderByDescending(d => d ?? DateTime.MinValue), newest);
    }

    [Fact]
    public async Task Expands_the_alias_list_on_real_text()
    {
        var isis = await archive.SearchAsync("ISIS");
        var quoted = await archive.SearchAsync("\"ISIS\"");
        Assert.True(isis.Total > quoted.Total, $"{isis.Total} with aliases, {quoted.Total} without");
        Assert.Contains("Islamic State", isis.Query.Text.ExpandedTerms);
    }

    [Theory]
    [InlineData("Soleimany", "Soleimani")]
    [InlineData("cooperetion talks", "cooperation talks")]
    [InlineData("goverment \"trade deficit\"", "government \"trade deficit\"")]
    public async Task Suggests_the_query_with_its_misspelled_words_corrected(string q, string suggestion) =>
        Assert.Equal(suggestion, (await archive.SearchAsync(q)).Suggestion);

    [Theory]
    [InlineData("government")]
    [InlineData("\"trade deficit\"")]
    [InlineData("")]
    public async Task Suggests_nothing_for_words_spelled_as_the_archive_prints_them(string q) =>
        Assert.Null((await archive.SearchAsync(q)).Suggestion);
}
