using NewsArchive.Core.Search;

namespace NewsArchive.Tests.Search;

/// <summary>"Did you mean" over the archive of the whole corpora and the seeds.</summary>
[Collection(nameof(CorporaArchiveCollection))]
public sealed class SpellingSuggesterTests(CorporaArchive corpora)
{
    private async Task<IReadOnlyDictionary<string, string>> CorrectionsAsync(params string[] words)
    {
        await using var db = corpora.Read();
        return await new SpellingSuggester(db, corpora.Statistics).CorrectionsAsync(words, CancellationToken.None);
    }

    [Theory]
    // Same stem as the name (soleimani), which only the seeds print, in one article: the printed form is checked.
    [InlineData("Soleimany", "Soleimani")]
    [InlineData("soleimany", "Soleimani")]
    // A stem the archive lacks (cooperet), two edits from cooper; its printed forms decide, in the typed case.
    [InlineData("cooperetion", "cooperation")]
    [InlineData("Cooperetion", "Cooperation")]
    [InlineData("COOPERETION", "COOPERATION")]
    // Misspellings the corpora themselves print (in 7 and 6 files), next to words in thousands of articles.
    [InlineData("goverment", "government")]
    [InlineData("recieve", "receive")]
    [InlineData("beleive", "believe")]
    [InlineData("Hezbolah", "Hezbollah")]
    [InlineData("Damscus", "Damascus")]
    [InlineData("Clintno", "Clinton")]
    [InlineData("electon", "election")]
    public async Task Suggests_the_archive_s_spelling_of_a_misspelt_word(string typed, string expected)
    {
        var corrections = await CorrectionsAsync(typed);

        Assert.Equal(expected, corrections.GetValueOrDefault(typed));
    }

    [Theory]
    [InlineData("Iran")]
    [InlineData("government")]
    [InlineData("the")]
    [InlineData("said")]
    [InlineData("Soleimani")] // correct, though in a single article
    [InlineData("Rouhani")]
    [InlineData("Hezbollah")]
    [InlineData("Soleimanis")] // only the ending differs from the printed form: grammar, not spelling
    [InlineData("1987")]
    [InlineData("G7")]
    [InlineData("al-Assad")]
    [InlineData("UN")]
    [InlineData("NATO")] // short capitals are acronyms
    [InlineData("hood")] // printed in 15 articles: a rare word is not a typo of "hold"
    [InlineData("Surrey")]
    public async Task Leaves_correct_common_or_rare_words_numbers_and_short_words_alone(string typed)
    {
        var corrections = await CorrectionsAsync(typed);

        Assert.Empty(corrections);
    }

    [Fact]
    public async Task Answers_for_each_misspelt_word_of_a_query()
    {
        var corrections = await CorrectionsAsync("Soleimany", "and", "Iran", "cooperetion", "cooperetion");

        Assert.Equal(new Dictionary<string, string> { ["Soleimany"] = "Soleimani", ["cooperetion"] = "cooperation" }, corrections);
    }
}
