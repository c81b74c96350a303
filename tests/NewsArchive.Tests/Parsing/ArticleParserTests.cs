using System.Text;
using NewsArchive.Core.Parsing;

namespace NewsArchive.Tests.Parsing;

/// <summary>The parser's rules on synthetic files, with other outlets, cities, dates and IDs than the seeds.</summary>
public class ArticleParserTests
{
    private const string Body = "Officials met in the city on Monday to discuss the new water project.\n\nThe talks will continue next week.";

    // ---- Encodings -------------------------------------------------------------------------------------------

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "UTF-8 without BOM", Encoding.UTF8.GetBytes("Dam talks resume\n\nThe minister’s plan costs £5m.") },
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Dam talks resume\n\nThe minister’s plan costs £5m.")] },
        { "UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Dam talks resume\n\nThe minister’s plan costs £5m.")] },
        { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("Dam talks resume\n\nThe minister’s plan costs £5m.")] },
        { "CRLF", Encoding.UTF8.GetBytes("Dam talks resume\r\n\r\nThe minister’s plan costs £5m.\r\n") },
        { "lone CR", Encoding.UTF8.GetBytes("Dam talks resume\r\rThe minister’s plan costs £5m.\r") },
        // Windows-1252: 0x92 is ’ (outside Latin-1), 0xA3 is £.
        { "Windows-1252", [.. Encoding.ASCII.GetBytes("Dam talks resume\n\nThe minister"), 0x92, .. Encoding.ASCII.GetBytes("s plan costs "), 0xA3, .. Encoding.ASCII.GetBytes("5m.")] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decodes_every_supported_encoding(string name, byte[] bytes)
    {
        var article = Parsed(ArticleParser.Parse(bytes, ParseOptions.Default));

        Assert.True(article.Title == "Dam talks resume", name);
        Assert.Equal(["The minister’s plan costs £5m."], article.Paragraphs);
    }

    [Fact]
    public void Windows_1252_fallback_is_reported_as_a_warning()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Prices rise\n\nA loaf now costs "), 0xA3, .. Encoding.ASCII.GetBytes("2.")];

        var article = Parsed(ArticleParser.Parse(bytes, ParseOptions.Default));

        Assert.Equal("A loaf now costs £2.", article.Body);
        Assert.Contains(article.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Bbc_sport_199_latin1_pound_sign_is_decoded()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Corpora, "bbc", "sport", "199.txt"));

        var article = Parsed(ArticleParser.Parse(bytes, new ParseOptions("BBC")));

        Assert.Contains('£', article.Title + article.Body);
        Assert.DoesNotContain('\uFFFD', article.Body);
    }

    [Fact]
    public void Double_encoded_utf8_is_repaired()
    {
        var article = Parse("Mayor speaks\n\nShe said \u00e2\u0080\u009cno\u00e2\u0080\u009d to the plan.");

        Assert.Equal("She said “no” to the plan.", article.Body);
    }

    [Fact]
    public void Html_entities_nbsp_and_control_characters_are_cleaned()
    {
        var article = Parse("Q&amp;A: rail strike\n\nUnions&nbsp;said it&#8217;s \"final\" &quot;offer&quot;\u0007 today.\u00A0\n\u00A0\n");

        Assert.Equal("Q&A: rail strike", article.Title);
        Assert.Equal("Unions said it’s \"final\" \"offer\" today.", article.Body);
    }

    // ---- Rejections ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("", "empty file")]
    [InlineData(" \n\t\r\n\u00A0 ", "whitespace only")]
    [InlineData("Title\0\u0001\u0002", "binary content (NUL bytes)")]
    [InlineData("Headline only\n\nSend comment\nYour Name\nYour Email Address\n\nBy Tasnim News Agency", "no article text after cleaning")]
    public void Rejects_files_that_are_not_articles(string text, string reason)
    {
        Assert.Equal(reason, ArticleParser.Parse(text, ParseOptions.Default).Rejection);
        Assert.Equal(reason, ArticleParser.Parse(Encoding.UTF8.GetBytes(text), ParseOptions.Default).Rejection);
    }

    [Fact]
    public void Rejects_empty_byte_content() =>
        Assert.Equal("empty file", ArticleParser.Parse(ReadOnlySpan<byte>.Empty, ParseOptions.Default).Rejection);

    // ---- Dates -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Thursday 3 March 2022 - 09:41", "2022-03-03T09:41")]
    [InlineData("17 October 2019 - 06:05", "2019-10-17T06:05")]
    [InlineData("Date: 2019-10-17", "2019-10-17")]
    [InlineData("Date: 1991-07-04T08:30:15", "1991-07-04T08:30:15")]
    [InlineData("Oct 17, 2019", "2019-10-17")]
    [InlineData("October 17, 2019", "2019-10-17")]
    [InlineData("17 October 2019 | 18:20", "2019-10-17T18:20")]
    [InlineData("2019-10-17", "2019-10-17")]
    [InlineData("2019-10-17 18:20", "2019-10-17T18:20")]
    [InlineData("Thursday, October 17, 2019 6:20 PM", "2019-10-17T18:20")]
    [InlineData("Thursday, October 17, 2019 12:05 AM", "2019-10-17T00:05")]
    [InlineData("17 Oct 2019", "2019-10-17")]
    [InlineData("Posted: Oct 17, 2019", "2019-10-17")]
    [InlineData("Published: 17 October 2019 - 18:20", "2019-10-17T18:20")]
    [InlineData("Updated: 2019-10-18 07:00", "2019-10-18T07:00")]
    [InlineData("17/10/2019", "2019-10-17")]
    [InlineData("10/17/2019", "2019-10-17")]
    [InlineData("17 October 2019 18:20 GMT", "2019-10-17T18:20")]
    public void Reads_each_supported_date_format(string dateLine, string iso)
    {
        var article = Parse($"Dam talks resume\n{dateLine}\n\n{Body}");

        Assert.Equal(iso, article.PublishedAt?.ToIso());
        Assert.Equal(DateTimeKind.Unspecified, article.PublishedAt?.Value.Kind);
        Assert.DoesNotContain(dateLine, article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fuller_publication_line_beats_the_capture_date()
    {
        var article = Parse($"2 Feb 2026\nMonday 9 March 2020 - 11:02\nStory Code : 55501\n\nDam talks resume\n\n{Body}");

        Assert.Equal("2020-03-09T11:02", article.PublishedAt?.ToIso());
        Assert.Equal("55501", article.SourceId);
        Assert.Equal("Dam talks resume", article.Title);
        Assert.DoesNotContain("2 Feb 2026", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_header_beats_an_updated_header()
    {
        var article = Parse($"Dam talks resume\nUpdated: 2020-03-10 08:00\nPublished: 2020-03-09\n\n{Body}");

        Assert.Equal("2020-03-09", article.PublishedAt?.ToIso());
    }

    [Theory]
    [InlineData("Date: 2020-13-09", "impossible date")]
    [InlineData("31 April 2020", "impossible date")]
    [InlineData("9 March 2020 - 25:10", "impossible date")]
    [InlineData("03/09/2020", "ambiguous numeric date")]
    [InlineData("Date: 09-MAR-2020 611:02:03.44", "unparseable date")]
    public void Bad_dates_are_null_with_a_warning(string dateLine, string warning)
    {
        var article = Parse($"Dam talks resume\n{dateLine}\n\n{Body}");

        Assert.Null(article.PublishedAt);
        Assert.Contains(article.Warnings, w => w.StartsWith(warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Dates_inside_body_sentences_are_not_publication_dates()
    {
        var article = Parse("Dam talks resume\n\nThe project started on March 9, 2020 in the north.\n\n9 March 2020\n\nMore talks are planned.");

        Assert.Null(article.PublishedAt);
    }

    // ---- Outlet signals --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Dam talks resume\n\nOfficials met on Monday.\n\nBy Tasnim News Agency", "Tasnim News Agency")]
    [InlineData("Dam talks resume\n\nOfficials met on Monday.\n\nBy Kayhan News", "Kayhan News")]
    [InlineData("Dam talks resume\n\nOfficials met on Monday.\nREUTER", "Reuters")]
    [InlineData("Dam talks resume\n\nISFAHAN (IRNA)- Officials met on Monday.", "Islamic Republic News Agency")]
    [InlineData("Dam talks resume\n\nMASHHAD (XNA)- Officials met on Monday.", "XNA")]
    [InlineData("Dam talks resume\n\nMNA - Officials met on Monday.", "Mehr News Agency")]
    [InlineData("Dam talks resume\n\nTasnim – Officials met on Monday.", "Tasnim News Agency")]
    [InlineData("Dam talks resume\nSource: sputnik\n\nOfficials met on Monday.", "Sputnik")]
    [InlineData("Dam talks resume\nSource: the-other-98\n\nOfficials met on Monday.", "The Other 98%")]
    [InlineData("Dam talks resume\nSource: Kayhan Daily\n\nOfficials met on Monday.", "Kayhan Daily")]
    [InlineData("Dam talks resume\n\nOfficials told the AP on Monday that AFP - and Reuters - were wrong.", "Unknown")]
    [InlineData("Dam talks resume\n\nOfficials met on Monday.\n\nBy Sara Jones", "Unknown")]
    public void Finds_the_outlet_from_structural_signals_only(string text, string outlet)
    {
        Assert.Equal(outlet, Parse(text).Outlet);
    }

    [Fact]
    public void Default_outlet_applies_when_nothing_names_one()
    {
        Assert.Equal("Daily Sabah", Parse("Dam talks resume\n\nOfficials met on Monday.", new ParseOptions("dailysabah")).Outlet);
        Assert.Equal("Tasnim News Agency", Parse("Dam talks resume\n\nTasnim - Officials met.", new ParseOptions("BBC")).Outlet);
    }

    [Theory]
    [InlineData("IRNA", "Islamic Republic News Agency")]
    [InlineData("al-alam", "Al-Alam")]
    [InlineData("ASHARQ AL AWSAT", "Asharq Al-Awsat")]
    [InlineData("Reuter", "Reuters")]
    [InlineData("  Kayhan  ", "Kayhan")]
    public void Catalog_canonicalises_known_aliases_and_keeps_others(string written, string canonical) =>
        Assert.Equal(canonical, OutletCatalog.Canonical(written));

    // ---- Datelines -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("ISFAHAN (IRNA)- Officials met on Monday.", "Isfahan")]
    [InlineData("NEW YORK, March 3 - Officials met on Monday.", "New York")]
    [InlineData("ST. LOUIS, Oct 7 - Officials met on Monday.", "St. Louis")]
    [InlineData("BEIRUT, Lebanon (AP) — Officials met on Monday.", "Beirut")]
    public void Takes_the_dateline_city_off_the_first_paragraph(string paragraph, string city)
    {
        var article = Parse($"Dam talks resume\n\n{paragraph}\n\nMore talks are planned.");

        Assert.Equal(city, article.Dateline);
        Assert.Equal("Officials met on Monday.", article.Paragraphs[0]);
    }

    [Fact]
    public void A_mixed_case_place_before_a_dash_is_neither_dateline_nor_outlet()
    {
        var article = Parse("Dam talks resume\n\nGeneva - Officials met on Monday.");

        Assert.Null(article.Dateline);
        Assert.Equal("Unknown", article.Outlet);
        Assert.Equal("Geneva - Officials met on Monday.", article.Body);
    }

    // ---- Head: titles, IDs, URLs ------------------------------------------------------------------------------

    [Theory]
    [InlineData("Story ID: 88812", "88812")]
    [InlineData("News ID: 77001", "77001")]
    [InlineData("Article ID: ab-3391", "ab-3391")]
    [InlineData("ID: 5512", "5512")]
    [InlineData("Story Code : 55501", "55501")]
    public void Reads_source_ids(string idLine, string id)
    {
        var article = Parse($"Dam talks resume\n{idLine}\n\n{Body}");

        Assert.Equal(id, article.SourceId);
        Assert.DoesNotContain(id, article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_url_header_and_bare_url_lines()
    {
        Assert.Equal("https://example.org/a/1", Parse($"Dam talks resume\nURL: https://example.org/a/1\n\n{Body}").SourceUrl);
        Assert.Equal("http://example.org/b/2", Parse($"http://example.org/b/2\nDam talks resume\n\n{Body}").SourceUrl);
        var atEnd = Parse($"Dam talks resume\n\n{Body}\n\nhttps://example.org/c/3");
        Assert.Equal("https://example.org/c/3", atEnd.SourceUrl);
        Assert.DoesNotContain("example.org", atEnd.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("www.example.org/a/1")]
    public void A_url_header_that_is_no_web_address_is_dropped_with_a_warning(string url)
    {
        var article = Parse($"Dam talks resume\nURL: {url}\n\n{Body}");

        Assert.Null(article.SourceUrl);
        Assert.Contains($"not a web address: '{url}'", article.Warnings);
    }

    [Fact]
    public void A_headline_printed_twice_is_one_title()
    {
        var article = Parse($"Dam talks resume\n\nDam talks resume\nMASHHAD (IRNA)- Officials met on Monday.");

        Assert.Equal("Dam talks resume", article.Title);
        Assert.Equal(["Officials met on Monday."], article.Paragraphs);
    }

    [Fact]
    public void Without_a_headline_the_title_is_derived_from_the_first_sentence()
    {
        var article = Parse("MNA - Officials from five provinces met in Shiraz on Monday. They agreed on a water plan.\nMore talks are planned.");

        Assert.True(article.TitleDerived);
        Assert.Equal("Officials from five provinces met in Shiraz on Monday", article.Title);
        Assert.Contains(article.Warnings, w => w.Contains("title derived", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_derived_title_is_cut_at_a_word_boundary()
    {
        var lead = "Officials from the five northern provinces of the country met in the city of Shiraz on Monday to discuss, among many other things, a long-delayed regional water plan.";

        var article = Parse(lead + "\nMore talks are planned.");

        SeedTests.AssertDerivedTitle(article.Title, article.Paragraphs[0]);
    }

    [Fact]
    public void A_no_title_placeholder_means_a_derived_title()
    {
        var article = Parse("(no title)\nSource: Reuters\n\nWEEKLY GRAIN REPORT - MARCH 3\n    Wheat 1,200 vs 1,150");

        Assert.True(article.TitleDerived);
        Assert.Equal("WEEKLY GRAIN REPORT - MARCH 3", article.Title);
    }

    // ---- Lead, captions and boilerplate ----------------------------------------------------------------------

    [Fact]
    public void An_outlet_prefixed_lead_before_a_prefixed_body_is_the_summary_and_captions_go()
    {
        var article = Parse("""
            12 June 2021 - 08:15
            News ID: 99120
            MNA - Water officials say a new dam will open in the spring.
            Minister Ali Karimi (C) visits the dam site near Shiraz, June 10, 2021.
            Photo: dam construction in Fars province

            MNA - Speaking to reporters on Saturday, Karimi said the dam was nearly finished.

            Send comment
            """);

        Assert.Equal("Water officials say a new dam will open in the spring.", article.Summary);
        Assert.Equal(["Speaking to reporters on Saturday, Karimi said the dam was nearly finished."], article.Paragraphs);
        Assert.Equal("Mehr News Agency", article.Outlet);
        Assert.Equal("99120", article.SourceId);
        SeedTests.AssertDerivedTitle(article.Title, article.Summary!);
    }

    [Theory]
    [InlineData("Post a comment")]
    [InlineData("Your Name")]
    [InlineData("Your Email Address")]
    [InlineData("Please type in your comments in English.")]
    [InlineData("The comments that contain insults or libel will not be disclosed")]
    [InlineData("Tehran Daily Digest is not responsible for the content of quoted articles.")]
    [InlineData("K220/311/B/")]
    [InlineData("https://example.org/story/42")]
    [InlineData("By Tasnim News Agency")]
    [InlineData("Reuter")]
    [InlineData("\u00A0")]
    public void Boilerplate_lines_are_dropped(string line)
    {
        var article = Parse($"Dam talks resume\n\n{Body}\n\n{line}");

        Assert.Equal(["Officials met in the city on Monday to discuss the new water project.", "The talks will continue next week."], article.Paragraphs);
    }

    [Fact]
    public void The_republisher_disclaimer_names_the_site()
    {
        var article = Parse($"Dam talks resume\n\n{Body}\n\nTehran Daily Digest is not responsible for the content of quoted articles.");

        Assert.Equal("Tehran Daily Digest", article.Site);
    }

    // ---- Paragraph layouts -----------------------------------------------------------------------------------

    [Fact]
    public void Blank_line_separated_paragraphs()
    {
        var article = Parse("Dam talks resume\n\nFirst paragraph here.\n\n\nSecond   paragraph\there.\n");

        Assert.Equal(["First paragraph here.", "Second paragraph here."], article.Paragraphs);
        Assert.Equal("First paragraph here.\n\nSecond paragraph here.", article.Body);
    }

    [Fact]
    public void One_paragraph_per_line()
    {
        var article = Parse("Dam talks resume\n\nFirst sentence is a paragraph.\nSecond one, too!\n“Third,” he said.");

        Assert.Equal(["First sentence is a paragraph.", "Second one, too!", "“Third,” he said."], article.Paragraphs);
    }

    [Fact]
    public void Hard_wrapped_lines_with_indented_paragraph_starts()
    {
        var article = Parse("""
            DAM TALKS RESUME
            Source: Reuters
            Date: 1988-05-04T10:00:00

            SHIRAZ, May 4 - Officials from five provinces met on
            Monday to discuss the long-delayed
            water plan, they said.
                The talks will continue next
            week in the capital.
             REUTER
            """);

        Assert.Equal("Shiraz", article.Dateline);
        Assert.Equal(
            ["Officials from five provinces met on Monday to discuss the long-delayed water plan, they said.", "The talks will continue next week in the capital."],
            article.Paragraphs);
        Assert.Equal("1988-05-04T10:00:00", article.PublishedAt?.ToIso());
    }

    [Fact]
    public void Never_throws_on_odd_input()
    {
        string[] odd = ["\n\n\n", "(", "Date:", "Date: \nSource:", "By", "—", "ISFAHAN (IRNA)-", "MNA -", "Story Code : \n\n", "31 December 9999 - 23:59\nx", "1/1/0000\nx", "…\n\n— …"];
        foreach (var text in odd)
        {
            var result = ArticleParser.Parse(text, ParseOptions.Default);
            Assert.True(result.Article is not null || result.Rejection is not null, text);
        }
    }

    private static ParsedArticle Parse(string text, ParseOptions? options = null) =>
        Parsed(ArticleParser.Parse(text, options ?? ParseOptions.Default));

    private static ParsedArticle Parsed(ParseResult result)
    {
        Assert.True(result.Article is not null, $"rejected: {result.Rejection}");
        return result.Article;
    }
}
