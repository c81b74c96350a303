using NewsArchive.Core.Clustering;

namespace NewsArchive.Tests.Clustering;

/// <summary>The normaliser and MinHash rules on the seeds' text: what one story is, and what is only the same topic.</summary>
public sealed class StorySignatureTests
{
    /// <summary>Seed 001's body (a Fars story on Iraq, ISIL and cooperation).</summary>
    private static readonly string[] Story = PlantedStories.Paragraphs();

    /// <summary>Seed 000's body: another story on the same topic (Iran, Iraq, Daesh, regional cooperation).</summary>
    private static readonly string[] SameTopic = File.ReadAllText(Path.Combine(TestPaths.Seeds, "000_5faf77dbe6b16ab2.txt")).Split("\n\n")[1..^1];

    private static string Text(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    /// <summary>A long text's headline does not count: republications often change it.</summary>
    private static StorySignature Sign(string text, string headline = "Iran calls for collective efforts to fight ISIL in region") => StorySignature.Of(headline, text);

    public static TheoryData<string, string, bool> Pairs() => new()
    {
        { "identical", Text(Story), true },
        { "a dateline before and the republisher's trailer after", $"BAGHDAD (Press TV) – {Text(Story)}\n\nFollow Press TV on Twitter and Facebook for more news from the region. Copyright 2015 Press TV, all rights reserved.", true },
        { "the last paragraph cut", Text(Story[..^1]), true },
        { "a sentence of background added", $"{Text(Story)}\n\n{SameTopic[0]}", true },
        { "another story on the same topic", Text(SameTopic), false },
        { "the same lead, then another story", Text(Story[..1].Concat(SameTopic)), false },
        { "half of the story", Text(Story[..(Story.Length / 2)]), false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void One_story_is_its_text_give_or_take_boilerplate_and_small_edits(string change, string other, bool sameStory)
    {
        var similarity = Sign(Text(Story)).Similarity(Sign(other, "Another headline"));

        Assert.True(similarity >= StorySignature.Threshold == sameStory, $"{change}: estimated similarity {similarity:F2}");
    }

    [Fact]
    public void Case_spacing_and_punctuation_do_not_change_the_text_hash()
    {
        var text = Text(Story);
        var folded = text.ToUpperInvariant().Replace("“", "\"", StringComparison.Ordinal).Replace("\n\n", " \r\n\t ", StringComparison.Ordinal).Replace(", ", " , ", StringComparison.Ordinal);
        var edited = text.Replace("Iraq", "Iran", StringComparison.Ordinal);

        Assert.Equal(Sign(text).TextHash, Sign(folded, "IRAN CALLS FOR COLLECTIVE EFFORTS").TextHash);
        Assert.Equal(1, Sign(text).Similarity(Sign(folded)));
        Assert.NotEqual(Sign(text).TextHash, Sign(edited).TextHash);
    }

    [Fact]
    public void Short_texts_join_a_story_only_when_they_are_the_same_text_under_the_same_headline()
    {
        const string Text = "Iran and Iraq agree to widen their cooperation against ISIL, the defence minister said.";
        var brief = Sign(Text, "Iraq, Iran to widen cooperation");
        var again = Sign("IRAN and Iraq agree to widen their cooperation against ISIL - the defence minister said", "IRAQ, IRAN TO WIDEN COOPERATION");
        var other = Sign(Text.Replace("defence", "foreign", StringComparison.Ordinal), "Iraq, Iran to widen cooperation");
        // The Reuters corpus holds 1,600 articles whose whole text is "Blah blah blah.": the same words, not one story.
        var placeholder = Sign(Text, "Defence minister in Baghdad");

        Assert.True(brief.Words < StorySignature.MinWords);
        Assert.Empty(brief.MinHash);
        Assert.Single(brief.BandKeys());
        Assert.Equal(1, brief.Similarity(again));
        Assert.Equal(0, brief.Similarity(other));
        Assert.Equal(0, brief.Similarity(placeholder));
    }

    [Fact]
    public void A_signature_read_back_from_the_database_is_the_same_signature()
    {
        var signature = Sign(Text(Story));
        var stored = StorySignature.FromStored(signature.TextHash, signature.StoredMinHash(), signature.Words);

        Assert.Equal(StorySignature.Hashes * sizeof(uint), signature.StoredMinHash().Length);
        Assert.Equal(signature.MinHash, stored.MinHash);
        Assert.Equal(signature.BandKeys(), stored.BandKeys());
        Assert.Equal(StorySignature.Bands + 1, signature.BandKeys().Distinct().Count());
    }

    [Fact]
    public void Words_are_counted_as_the_index_cuts_them()
    {
        Assert.Equal(6, Sign("Iran’s 3 ministers, in Baghdad.").Words);
    }

    /// <summary>
    /// Signatures are stored: the same text must give the same values in every process and every version, or a new
    /// article would never meet the stored ones. A change of these values is a change of the stored format.
    /// </summary>
    [Fact]
    public void The_hashes_are_fixed_across_processes_and_versions()
    {
        var signature = Sign("The quick brown fox jumps over the lazy dog while the archive watches every word it writes down today and again.");

        Assert.Equal(GoldenTextHash, signature.TextHash);
        Assert.Equal(GoldenKeys, signature.BandKeys()[..3]);
    }

    private const long GoldenTextHash = -2001296495701086275;

    private static readonly int[] GoldenKeys = [-478204406, -57746513, -1275535513];
}
