using System.Text.RegularExpressions;
using NewsArchive.Tests.Search;

namespace NewsArchive.Tests.Api;

/// <summary>
/// The comparison through HTTP over the whole of ../shared/corpora, where sizes matter: hundreds of matches per query
/// over three decades (Reuters in 1987, the other corpora from 2011 on), checked against the search API.
/// </summary>
[Collection(nameof(CorporaArchiveCollection))]
public sealed partial class CompareCorporaTests(CorporaArchive corpora)
{
    [Fact]
    public async Task Counts_per_month_equal_the_search_totals_of_those_months()
    {
        var compare = await corpora.App.GetJsonAsync("/api/compare?q=iran&q=iraq&q=syria");

        // Each query's four busiest months and two empty ones.
        var months = await ComparePagesTests.AssertAgreesWithSearchAsync(corpora.App, compare, "", counts =>
            Enumerable.Range(0, counts.Count).OrderByDescending(i => counts[i]).Take(4)
                .Concat(Enumerable.Range(0, counts.Count).Where(i => counts[i] == 0).Take(2)));
        Assert.True(months > 300, $"{months} months");
        // From the first month with a match to the last.
        var rows = compare.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32())).ToList();
        Assert.True(rows[0] > 0 && rows[^1] > 0, "the range does not start and end with a match");
        Assert.All(compare.GetProperty("queries").EnumerateArray(), q => Assert.True(q.GetProperty("total").GetInt32() > 100, q.ToString()));
    }

    [Fact]
    public async Task Outlet_and_date_filters_give_the_search_totals_with_the_same_filters()
    {
        const string filters = "&outlet=reuters&from=1987-03&to=1987-06";
        var compare = await corpora.App.GetJsonAsync("/api/compare?q=iran&q=oil" + filters);

        Assert.Equal(4, await ComparePagesTests.AssertAgreesWithSearchAsync(corpora.App, compare, filters, ComparePagesTests.EveryMonth));
        Assert.Equal("1987-03", compare.GetProperty("months")[0].GetProperty("month").GetString());
        var oil = compare.GetProperty("queries")[1].GetProperty("total").GetInt32();
        Assert.True(oil > 100, $"oil: {oil} Reuters articles in these four months");
    }

    [Fact]
    public async Task The_page_over_three_decades_labels_years_lists_every_month_and_marks_the_peaks_sparingly()
    {
        var months = (await corpora.App.GetJsonAsync("/api/compare?q=iran&q=iraq&q=syria")).GetProperty("months").GetArrayLength();
        var html = await corpora.App.GetTextAsync("/compare?q=iran&q=iraq&q=syria");

        Assert.Equal(months, Regex.Count(html, "<th scope=\"row\"><time datetime="));
        var years = YearLabel().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(years.Count, 4, 12);
        Assert.Single(years.Zip(years.Skip(1), (a, b) => b - a).Distinct());
        foreach (var series in SeriesGroup().Matches(html).Select(m => m.Value))
        {
            Assert.InRange(Regex.Count(series, "class=\"marker\""), 1, 24);
        }
    }

    [GeneratedRegex("<text x=\"[\\d.]+\" y=\"233\">(\\d{4})</text>")]
    private static partial Regex YearLabel();

    [GeneratedRegex("<g class=\"series series-\\d\">.*?</g>", RegexOptions.Singleline)]
    private static partial Regex SeriesGroup();
}
