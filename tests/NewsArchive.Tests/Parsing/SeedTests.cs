using NewsArchive.Core.Parsing;

namespace NewsArchive.Tests.Parsing;

/// <summary>The five seed files of the issue, field by field.</summary>
public class SeedTests
{
    private static readonly string[] ForbiddenInBody =
    [
        "By Press TV", "By Fars News Agency", "Story Code", "News ID", "23 Jan 2025", "The Iran Project is not responsible",
        "Your Name", "Your Email Address", "Send comment", "will not be disclosed", "R111/108/C/",
    ];

    public static TheoryData<string, string?, string, string?, string?, string?, string, string> Seeds => new()
    {
        // file prefix, title (null = derived), outlet, publishedAt, dateline, sourceId, body starts, body ends
        { "000", "Iran offers anti-Daesh cooperation with PG states", "Press TV", null, null, null, "Iran’s ambassador to Kuwait says", "by another acronym." },
        { "001", "Iran calls for collective efforts to fight ISIL in region", "Fars News Agency", null, "Tehran", null, "Iranian Defense Minister Brigadier General", "through cooperation with Iran.”" },
        { "002", "VP: Iran, Iraq continue fight against terrorist groups", "Fars News Agency", "2014-11-12T15:18", "Tehran", "129222", "Iraqi Vice-President and former Prime Minister", "to block enemies moves." },
        { "003", null, "Rasa News Agency", null, null, null, "“The Islamic Republic of Iran will keep up", "consultation and advisory help." },
        { "004", null, "Rasa News Agency", "2016-09-05T23:37", null, "423254", "During a meeting with Secretary General", "retake militant-held regions." },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_parses_to_the_expected_fields(
        string file, string? title, string outlet, string? publishedAt, string? dateline, string? sourceId, string bodyStarts, string bodyEnds)
    {
        var article = ParseSeed(file);

        Assert.Equal(outlet, article.Outlet);
        Assert.Equal(publishedAt, article.PublishedAt?.ToIso());
        Assert.Equal(dateline, article.Dateline);
        Assert.Equal(sourceId, article.SourceId);
        Assert.StartsWith(bodyStarts, article.Body, StringComparison.Ordinal);
        Assert.EndsWith(bodyEnds, article.Body, StringComparison.Ordinal);
        Assert.All(ForbiddenInBody, text => Assert.DoesNotContain(text, article.Body, StringComparison.Ordinal));
        Assert.False(article.Body.StartsWith("RNA -", StringComparison.Ordinal));
        Assert.False(article.Body.StartsWith("TEHRAN (FNA)-", StringComparison.Ordinal));
        Assert.DoesNotContain('\u00A0', article.Body);

        if (title is not null)
        {
            Assert.Equal(title, article.Title);
            Assert.False(article.TitleDerived);
        }
        else
        {
            Assert.True(article.TitleDerived);
            AssertDerivedTitle(article.Title, article.Summary ?? article.Paragraphs[0]);
        }
    }

    [Fact]
    public void Seed_002_keeps_the_republisher_and_its_url_out_of_the_body()
    {
        var article = ParseSeed("002");

        Assert.Equal("https://theiranproject.com/vdchiwnzi23niid.01t2.html", article.SourceUrl);
        Assert.Equal("The Iran Project", article.Site);
        Assert.Null(article.Summary);
        Assert.DoesNotContain("theiranproject.com", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("continue fight against terrorist groups", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_004_has_an_explicit_lead_and_no_caption()
    {
        var article = ParseSeed("004");

        Assert.NotNull(article.Summary);
        Assert.StartsWith("The Iranian ambassador to Baghdad says", article.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("(L) meets with", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("The Iranian ambassador to Baghdad says", article.Body, StringComparison.Ordinal);
        Assert.True(article.Title.Length <= TitleDerivation.MaxLength);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("003")]
    public void Ordinary_seeds_have_no_summary_site_or_url(string file)
    {
        var article = ParseSeed(file);

        Assert.Null(article.Summary);
        Assert.Null(article.Site);
        Assert.Null(article.SourceUrl);
    }

    /// <summary>At most 140 characters, a prefix of the lead, ending at a word boundary without dangling punctuation.</summary>
    internal static void AssertDerivedTitle(string title, string lead)
    {
        Assert.InRange(title.Length, 1, TitleDerivation.MaxLength);
        Assert.StartsWith(title, lead, StringComparison.Ordinal);
        Assert.True(title.Length == lead.Length || !char.IsLetterOrDigit(lead[title.Length]), $"'{title}' cuts a word of '{lead}'");
        Assert.DoesNotMatch(@"[\s,;:\-–—“(]$", title);
    }

    private static ParsedArticle ParseSeed(string prefix)
    {
        var path = Directory.GetFiles(TestPaths.Seeds, prefix + "_*.txt").Single();
        var result = ArticleParser.Parse(File.ReadAllBytes(path), ParseOptions.Default);
        Assert.Null(result.Rejection);
        return result.Article!;
    }
}
