using System.Text.RegularExpressions;
using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Parsing;
using NewsArchive.CorpusGen;
using Xunit.Abstractions;

namespace NewsArchive.Tests.Generator;

/// <summary>A generated corpus against its own manifest, read back with the archive's real scanner and parser.</summary>
[Trait("Category", "Corpora")]
public sealed partial class CorpusGeneratorTests(GeneratedCorpus corpus, ITestOutputHelper output) : IClassFixture<GeneratedCorpus>
{
    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [Fact]
    public void Same_seed_gives_a_byte_identical_corpus_and_another_seed_another()
    {
        var (again, _) = corpus.Generate(GeneratedCorpus.Seed);
        var (other, _) = corpus.Generate(GeneratedCorpus.Seed + 1);
        try
        {
            var fingerprint = GeneratedCorpus.Fingerprint(corpus.Folder);
            Assert.Equal(fingerprint, GeneratedCorpus.Fingerprint(again));
            Assert.NotEqual(fingerprint, GeneratedCorpus.Fingerprint(other));
        }
        finally
        {
            Directory.Delete(again, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Ingestion_finds_exactly_the_files_of_the_manifest()
    {
        var scanned = new CorpusScanner(corpus.Folder).Scan().Select(file => file.RelativePath).Order(StringComparer.Ordinal);

        Assert.Equal(corpus.Rows.Select(row => row.Path).Order(StringComparer.Ordinal), scanned);
        Assert.Equal(GeneratedCorpus.Count, corpus.Report.Files);
        Assert.All(Directory.GetDirectories(corpus.Folder, "*", SearchOption.AllDirectories),
            folder => Assert.True(Directory.GetFiles(folder).Length <= 1000, folder));
    }

    [Fact]
    public void Over_30_outlets_share_the_files_with_a_zipf_skew()
    {
        var counts = corpus.Rows.GroupBy(row => row.Outlet).ToDictionary(group => group.Key, group => group.Count());
        var topFive = Outlets.All.Take(5).Sum(outlet => counts.GetValueOrDefault(outlet.Name));

        Assert.True(counts.Count >= 30, $"{counts.Count} outlets");
        Assert.Equal("Press TV", counts.MaxBy(pair => pair.Value).Key);
        // Zipf over 40 outlets: the first holds ~23%, the first five ~53%, the last ~0.6%.
        Assert.InRange(counts["Press TV"] / (double)GeneratedCorpus.Count, 0.18, 0.28);
        Assert.InRange(topFive / (double)GeneratedCorpus.Count, 0.45, 0.61);
        Assert.True(counts["Press TV"] > 10 * counts.Values.Order().ElementAt(counts.Count / 2), "the first outlet is not far ahead of the median one");
    }

    [Fact]
    public void Dates_spread_over_2000_to_2025_and_a_few_percent_are_undated()
    {
        var years = corpus.Rows.Where(row => row.Date is not null).Select(row => int.Parse(row.Date![..4], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var undated = corpus.Rows.Count(row => row.Date is null) / (double)corpus.Rows.Count;

        Assert.All(years, year => Assert.InRange(year, 2000, 2025));
        Assert.Equal(26, years.Distinct().Count());
        Assert.InRange(undated, 0.015, 0.05);
        Assert.All(corpus.Rows.Where(row => row.Date is null), row => Assert.Contains("/undated/", row.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Exact_duplicates_are_byte_identical_copies_listed_with_their_cluster()
    {
        var duplicates = corpus.Rows.Where(row => row.Kind == FileKind.Duplicate).ToList();
        var byPath = corpus.Rows.ToDictionary(row => row.Path);

        Assert.InRange(duplicates.Count, 0.01 * GeneratedCorpus.Count, 0.03 * GeneratedCorpus.Count);
        Assert.All(duplicates, row =>
        {
            Assert.Equal(corpus.Bytes(row.Of!), corpus.Bytes(row.Path));
            Assert.Equal(byPath[row.Of!].Cluster, row.Cluster);
        });
    }

    [Fact]
    public void Republications_retell_their_original_under_another_outlet_with_the_listed_edits()
    {
        var republications = corpus.Rows.Where(row => row.Kind == FileKind.Republication).ToList();
        var byPath = corpus.Rows.ToDictionary(row => row.Path);
        var overlaps = new List<double>();

        Assert.InRange(republications.Count, 0.03 * GeneratedCorpus.Count, 0.07 * GeneratedCorpus.Count);
        foreach (var row in republications)
        {
            var original = byPath[row.Of!];
            Assert.Equal(FileKind.Original, original.Kind);
            Assert.Equal(original.Path, row.Cluster);
            Assert.NotEqual(original.Outlet, row.Outlet);
            var (words, originalWords) = (Words(Parse(row)), Words(Parse(original)));
            overlaps.Add(originalWords.Intersect(words).Count() / (double)originalWords.Union(words).Count());
            if (row.Edits == Edits.None)
            {
                Assert.True(originalWords.SetEquals(words), $"{row.Path} does not retell {original.Path} word for word"); // only outlet, date and layout changed
            }
        }

        output.WriteLine($"{republications.Count} republications, word overlap with the original: min {overlaps.Min():P0}, median {overlaps.Order().ElementAt(overlaps.Count / 2):P0}");
        Assert.All(Enum.GetValues<Edits>().Where(edit => edit != Edits.None), edit => Assert.Contains(republications, row => row.Edits.HasFlag(edit)));
        Assert.True(overlaps.Min() >= 0.6, $"a republication keeps only {overlaps.Min():P0} of its original's words");
    }

    [Fact]
    public void Originals_never_share_a_body_by_accident()
    {
        var originals = corpus.Rows.Where(row => row.Kind == FileKind.Original).ToList();
        var bodies = originals.Select(row => Parse(row).Body).ToHashSet(StringComparer.Ordinal);
        var recombined = originals.Count(row => row.Sources.Count == 2);

        Assert.Equal(originals.Count, bodies.Count);
        Assert.Equal(corpus.Report.Recombined, recombined);
        Assert.InRange(recombined, 500, originals.Count / 2);
    }

    [Fact]
    public void Every_file_parses_to_the_outlet_date_and_title_of_the_manifest()
    {
        var shortfalls = new List<string>();
        foreach (var style in corpus.Rows.GroupBy(row => row.Style).OrderBy(group => group.Key))
        {
            var checks = style.Select(row => (Row: row, Article: Parse(row))).ToList();
            var outlet = checks.Count(c => c.Article.Outlet == c.Row.Outlet) / (double)checks.Count;
            var date = checks.Count(c => c.Article.PublishedAt?.ToIso() == c.Row.Date) / (double)checks.Count;
            var titled = checks.Where(c => c.Row.Title is not null).ToList();
            var title = titled.Count == 0 ? 1 : titled.Count(c => c.Article.Title == c.Row.Title) / (double)titled.Count;
            output.WriteLine($"{style.Key,-16} {checks.Count,5} files  outlet {outlet:P2}  date {date:P2}  title {title:P2} ({titled.Count} printed)");
            foreach (var miss in checks.Where(c => c.Article.Outlet != c.Row.Outlet || c.Article.PublishedAt?.ToIso() != c.Row.Date || (c.Row.Title ?? c.Article.Title) != c.Article.Title).Take(5))
            {
                output.WriteLine($"    {miss.Row.Path}: outlet {miss.Article.Outlet}, date {miss.Article.PublishedAt?.ToIso()}, title {miss.Article.Title}");
            }

            if (outlet < 1 || date < 1 || title < 0.99)
            {
                shortfalls.Add(style.Key.ToString());
            }
        }

        Assert.True(shortfalls.Count == 0, "Below target: " + string.Join(", ", shortfalls));
    }

    [Fact]
    public void Every_outlet_in_every_house_style_parses_to_that_outlet()
    {
        var article = corpus.Library.Articles.First(a => a.Paragraphs.Length >= 3 && a.Corpus == "bbc");
        var paragraphs = article.Paragraphs.Select(sentences => string.Join(' ', sentences)).ToList();
        var date = new DateTime(2014, 11, 12, 15, 18, 40);
        foreach (var outlet in Outlets.All)
        {
            // The parser keeps an unknown outlet's name only from a Source: header.
            if (OutletCatalog.TryFind(outlet.Name, out var canonical))
            {
                Assert.Equal(outlet.Name, canonical);
            }
            else
            {
                Assert.Equal([HouseStyle.Headers], outlet.Styles);
            }

            foreach (var style in outlet.Styles)
            {
                foreach (var printedDate in HouseStyles.IsUndatedOnly(style) ? [null] : new DateTime?[] { date, null })
                {
                    var text = new System.Text.StringBuilder();
                    var printed = HouseStyles.Render(style, new Story(outlet, printedDate, article.Title, paragraphs), new SeededRandom(1), text);
                    var parsed = ArticleParser.Parse(text.ToString(), ParseOptions.Default).Article!;

                    Assert.True(outlet.Name == parsed.Outlet, $"{outlet.Name} in {style}: parsed as {parsed.Outlet}\n{text}");
                    Assert.Equal(printed, parsed.PublishedAt);
                    Assert.Equal(printedDate?.Date, parsed.PublishedAt?.Value.Date);
                    Assert.Equal(paragraphs[^1], parsed.Paragraphs[^1]);
                }
            }
        }
    }

    private ParsedArticle Parse(TruthRow row) =>
        ArticleParser.Parse(corpus.Bytes(row.Path), ParseOptions.Default).Article ?? throw new InvalidOperationException($"{row.Path} did not parse");

    private static HashSet<string> Words(ParsedArticle article) =>
        Word().Matches(article.Body).Select(match => match.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
