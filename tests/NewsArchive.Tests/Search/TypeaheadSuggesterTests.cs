using NewsArchive.Core.Search;

namespace NewsArchive.Tests.Search;

/// <summary>Search-box suggestions over the archive of the whole corpora and the seeds.</summary>
[Collection(nameof(CorporaArchiveCollection))]
public sealed class TypeaheadSuggesterTests(CorporaArchive corpora)
{
    private async Task<Suggestions> SuggestAsync(string query)
    {
        await using var db = corpora.Read();
        return await new TypeaheadSuggester(db, corpora.Statistics, corpora.Summaries).SuggestAsync(query, CancellationToken.None);
    }

    [Theory]
    [InlineData("al", "Al-Manar,Al-Alam,Al-Araby,Al Arabiya,Asharq Al-Awsat")] // names first, the largest first, then a later word
    [InlineData("PRESS", "Press TV,Associated Press")]
    [InlineData("tv", "Press TV")]
    [InlineData("daily-s", "Daily Sabah")] // the slug
    [InlineData("arabiya", "Al Arabiya")]
    [InlineData("zzz", "")]
    public async Task Offers_outlets_whose_name_or_slug_or_a_word_of_the_name_starts_with_the_text(string query, string expected)
    {
        var suggestions = await SuggestAsync(query);

        Assert.Equal(expected, string.Join(',', suggestions.Outlets.Select(o => o.Name)));
        Assert.All(suggestions.Outlets, o => Assert.True(o.Count > 0));
    }

    [Theory]
    [InlineData("iran nuc", "iran", "nuclear")]
    [InlineData("Damascus bom", "damascus", "bomb")]
    [InlineData("syria ", "syria", "syria")] // a finished word is matched whole
    // The index holds stems: an unfinished "governm" runs past govern, the stem of "government", and still finds it.
    [InlineData("iran governm", "iran", "government")]
    [InlineData("cooperati", "cooperat", "cooperat")] // cooperation, cooperate, cooperating: all stem to cooper
    public async Task Offers_headlines_holding_every_word_the_last_one_as_a_prefix(string query, string first, string second)
    {
        var titles = (await SuggestAsync(query)).Titles;

        Assert.NotEmpty(titles);
        Assert.True(titles.Count <= 8);
        Assert.All(titles, t =>
        {
            Assert.Contains(first, t.Title, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(second, t.Title, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("s")] // one letter: outlets only, a one-letter prefix is no search
    public async Task Blank_text_or_a_single_letter_offers_no_headlines(string query)
    {
        var suggestions = await SuggestAsync(query);

        Assert.Empty(suggestions.Titles);
        Assert.Equal(query, suggestions.Query);
    }
}
