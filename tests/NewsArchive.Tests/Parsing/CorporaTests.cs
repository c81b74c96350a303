using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsArchive.Core.Parsing;
using Xunit.Abstractions;

namespace NewsArchive.Tests.Parsing;

/// <summary>
/// Every article of the shared corpora against what its own layout says (line 1 title, Source:/Date: headers,
/// body after the header block). Per corpus and field the parser must agree on at least 99% of the files.
/// </summary>
[Trait("Category", "Corpora")]
public partial class CorporaTests(ITestOutputHelper output)
{
    private const double RequiredRate = 0.99;

    private sealed record Corpus(string Name, string[] Folders, string? DefaultOutlet, bool HasOutlet);

    private static readonly Corpus[] Corpora =
    [
        new("bbc", ["bbc/business", "bbc/entertainment", "bbc/politics", "bbc/sport", "bbc/tech"], "BBC", HasOutlet: true),
        new("reuters21578", ["reuters21578/txt"], null, HasOutlet: true),
        new("fakes", ["fakes/txt"], null, HasOutlet: true),
        new("buzzfeed-webis-2016", ["buzzfeed-webis-2016/txt"], null, HasOutlet: true),
        // 48 outlets, not named per file: nothing to compare the outlet with.
        new("ptc-semeval2020", ["ptc-semeval2020/train-articles", "ptc-semeval2020/dev-articles"], null, HasOutlet: false),
    ];

    private static readonly string[] Fields = ["title", "outlet", "date", "body"];

    [GeneratedRegex(@"^(?<key>[A-Z][A-Za-z]*): ?(?<value>.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2})?$")]
    private static partial Regex IsoDate();

    [Fact]
    public void Every_corpus_field_agrees_with_the_file_layout_in_at_least_99_percent_of_files()
    {
        var root = TestPaths.Corpora;
        var shortfalls = new List<string>();
        foreach (var corpus in Corpora)
        {
            var files = corpus.Folders.SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.txt")).ToList();
            Assert.NotEmpty(files);
            var checks = files.AsParallel().Select(file => Check(file, corpus)).ToList();

            foreach (var field in Fields.Where(f => f != "outlet" || corpus.HasOutlet))
            {
                var failed = checks.Where(c => !c.Passed[field]).ToList();
                var rate = 1 - ((double)failed.Count / checks.Count);
                output.WriteLine($"{corpus.Name,-20} {field,-6} {rate:P2} ({checks.Count - failed.Count}/{checks.Count})");
                foreach (var failure in failed.Take(3))
                {
                    output.WriteLine($"    {Path.GetRelativePath(root, failure.File)}: {failure.Detail[field]}");
                }

                if (rate < RequiredRate)
                {
                    shortfalls.Add($"{corpus.Name} {field}: {rate:P2}");
                }
            }
        }

        Assert.True(shortfalls.Count == 0, "Below 99%: " + string.Join(", ", shortfalls));
    }

    private sealed record FileCheck(string File, Dictionary<string, bool> Passed, Dictionary<string, string> Detail);

    private static FileCheck Check(string file, Corpus corpus)
    {
        var bytes = File.ReadAllBytes(file);
        var expected = Expect(bytes);
        var result = ArticleParser.Parse(bytes, new ParseOptions(corpus.DefaultOutlet));
        var passed = new Dictionary<string, bool>();
        var detail = new Dictionary<string, string>();

        void Record(string field, bool ok, string explanation)
        {
            passed[field] = ok;
            detail[field] = explanation;
        }

        if (result.Article is not { } article)
        {
            // A file with nothing after its header block is rightly rejected; any other rejection fails every field.
            foreach (var field in Fields)
            {
                Record(field, expected.BodyIsEmpty, $"rejected: {result.Rejection}");
            }

            return new FileCheck(file, passed, detail);
        }

        Record("title", expected.Title is null ? article.TitleDerived : SameText(article.Title, expected.Title) && !article.TitleDerived,
            $"title '{article.Title}' (derived: {article.TitleDerived}), expected '{expected.Title}'");
        var outlet = expected.Source is null ? corpus.DefaultOutlet : OutletCatalog.Canonical(expected.Source);
        Record("outlet", article.Outlet == outlet, $"outlet '{article.Outlet}', expected '{outlet}'");
        Record("date", article.PublishedAt?.ToIso() == expected.Date, $"date '{article.PublishedAt}', expected '{expected.Date}'");
        var first = article.Paragraphs.Count > 0 ? article.Paragraphs[0] : string.Empty;
        var bodyOk = !expected.BodyIsEmpty && first.Length > 0 && first != expected.Title
            && !expected.HeaderLines.Any(header => first.Contains(header, StringComparison.Ordinal));
        Record("body", bodyOk, $"first paragraph '{Shorten(first)}'");
        return new FileCheck(file, passed, detail);
    }

    private sealed record Expected(string? Title, string? Source, string? Date, IReadOnlyList<string> HeaderLines, bool BodyIsEmpty);

    /// <summary>What the corpus layout says, read as simply as possible: line 1, "Key: value" lines, then the body.</summary>
    private static Expected Expect(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var title = lines[0].Trim();
        var headers = new List<string>();
        string? source = null, date = null;
        var i = 1;
        for (; i < lines.Length && HeaderLine().Match(lines[i]) is { Success: true } header; i++)
        {
            headers.Add(lines[i].Trim());
            var value = header.Groups["value"].Value.Trim();
            switch (header.Groups["key"].Value)
            {
                case "Source":
                    source = value;
                    break;
                case "Date":
                    date = IsoDate().IsMatch(value) ? value : null;
                    break;
            }
        }

        var bodyIsEmpty = string.IsNullOrWhiteSpace(string.Join('\n', lines.Skip(i)).Replace('\u00A0', ' '));
        return new Expected(title == "(no title)" ? null : title, source, date, headers.Where(h => h.Length > h.IndexOf(':', StringComparison.Ordinal) + 1).ToList(), bodyIsEmpty);
    }

    /// <summary>
    /// The parser decodes entities, collapses spaces and repairs double-encoded UTF-8 ("âWe" → "“We"), so the
    /// raw line 1 is compared on its ASCII text after entity decoding.
    /// </summary>
    private static bool SameText(string parsed, string raw) =>
        parsed == raw || AsciiSkeleton(parsed) == AsciiSkeleton(WebUtility.HtmlDecode(raw));

    private static string AsciiSkeleton(string text) => string.Concat(text.Where(c => c is > ' ' and < '\u007F'));

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "…" : text;
}
