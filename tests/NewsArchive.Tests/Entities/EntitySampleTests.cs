using NewsArchive.Core.Entities;
using NewsArchive.Core.Parsing;

namespace NewsArchive.Tests.Entities;

/// <summary>
/// The hand-checked sample of docs/entities-sample.tsv: 50 articles of ../shared/corpora, ten per corpus, drawn with a
/// fixed seed, each entity the extractor gives them judged by a person (correct, wrong kind, not an entity). The
/// extraction of the sample must stay what was judged, and its precision per kind must not fall below the figures
/// docs/entities.md reports. After a change of the rules, the failure lists the rows to judge or to mark as gone.
/// </summary>
[Trait("Category", "Corpora")]
public sealed class EntitySampleTests
{
    public const int Seed = 2026;

    public const int PerCorpus = 10;

    /// <summary>Precision per kind of the sample as judged (docs/entities.md): a change may raise it, never lower it.</summary>
    private static readonly Dictionary<EntityKind, double> Floor = new()
    {
        [EntityKind.Person] = 0.952,
        [EntityKind.Place] = 0.956,
        [EntityKind.Organisation] = 0.990,
    };

    private static readonly string[] Corpora = ["bbc", "buzzfeed-webis-2016", "fakes", "ptc-semeval2020", "reuters21578"];

    private static readonly string[] Verdicts = ["correct", "wrong-kind", "not-entity"];

    private static string SamplePath => Path.Combine(TestPaths.RepoRoot, "docs", "entities-sample.tsv");

    [Fact]
    public void The_sample_gives_exactly_the_judged_entities_and_its_precision_holds()
    {
        var judged = Judgments();
        var found = Sample().SelectMany(s => EntityExtractor.Shipped.Extract(s.Article).Select(e => (s.File, e.Kind, e.Name))).ToHashSet();
        var recorded = judged.Where(j => j.Found).Select(j => (j.File, j.Kind, j.Name)).ToHashSet();

        var unjudged = found.Except(recorded).Select(f => $"{f.File}\t{f.Kind}\t{f.Name}\t?\tyes\t").ToList();
        var gone = judged.Where(j => j.Found && !found.Contains((j.File, j.Kind, j.Name))).Select(j => $"{j.File}\t{j.Kind}\t{j.Name}\t{j.Judgment}").ToList();
        Assert.True(unjudged.Count == 0 && gone.Count == 0,
            $"The extraction of the sample changed. Judge these and add them to {SamplePath}:\n{string.Join('\n', unjudged)}\n"
            + $"These are no longer found (mark a wrong one found=no; take out a correct one only when a better name replaced it):\n{string.Join('\n', gone)}");

        // A wrong entity once fixed stays fixed: found=no rows are judged wrong, and the extractor no longer gives them.
        Assert.All(judged.Where(j => !j.Found), j => Assert.NotEqual("correct", j.Judgment));
        foreach (var (kind, floor) in Floor)
        {
            var ofKind = judged.Where(j => j.Found && j.Kind == kind).ToList();
            var precision = (double)ofKind.Count(j => j.Judgment == "correct") / ofKind.Count;
            Assert.True(precision >= floor, $"{kind}: precision {precision:P1} over {ofKind.Count} entities, below the {floor:P1} reported");
        }
    }

    [Fact]
    public void The_sample_holds_fifty_articles_and_every_judgment_is_one_of_three()
    {
        Assert.Equal(Corpora.Length * PerCorpus, Sample().Count);
        Assert.All(Judgments(), j => Assert.Contains(j.Judgment, Verdicts));
    }

    [Fact]
    public void Every_corpus_article_gives_well_formed_entities()
    {
        var files = Directory.EnumerateFiles(TestPaths.Corpora, "*.txt", SearchOption.AllDirectories).ToList();
        var problems = files.AsParallel().SelectMany(file =>
        {
            if (ArticleParser.Parse(File.ReadAllBytes(file), ParseOptions.Default).Article is not { } article)
            {
                return [];
            }

            var found = EntityExtractor.Shipped.Extract(article);
            var names = found.Select(e => e.Name).ToList();
            return names.Where(n => n.Length == 0 || n != n.Trim() || n.Contains("  ", StringComparison.Ordinal))
                .Concat(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"twice: {g.Key}"))
                .Concat(found.Count > EntityExtractor.MaxPerArticle ? [$"{found.Count} entities"] : [])
                .Concat(found.Where(e => e.Mentions < 1).Select(e => $"{e.Name}: {e.Mentions} mentions"))
                .Select(problem => $"{Path.GetRelativePath(TestPaths.Corpora, file)}: {problem}");
        }).ToList();

        Assert.True(files.Count > 26_000, $"{files.Count} files");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    /// <summary>The sampled articles: per corpus, files drawn with <see cref="Seed"/> until <see cref="PerCorpus"/> parse as articles.</summary>
    internal static List<(string File, ParsedArticle Article)> Sample()
    {
        var random = new Random(Seed);
        var sample = new List<(string, ParsedArticle)>();
        foreach (var corpus in Corpora)
        {
            var files = Directory.EnumerateFiles(Path.Combine(TestPaths.Corpora, corpus), "*.txt", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).Equals("README.TXT", StringComparison.OrdinalIgnoreCase))
                .Select(f => Path.GetRelativePath(TestPaths.Corpora, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            while (taken.Count < PerCorpus)
            {
                var file = files[random.Next(files.Count)];
                if (!taken.Contains(file) && ArticleParser.Parse(File.ReadAllBytes(Path.Combine(TestPaths.Corpora, file)), ParseOptions.Default).Article is { } article)
                {
                    taken.Add(file);
                    sample.Add((file, article));
                }
            }
        }

        return sample;
    }

    private static List<Judged> Judgments() =>
        [.. File.ReadAllLines(SamplePath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(cells => new Judged(cells[0], Enum.Parse<EntityKind>(cells[1]), cells[2], cells[3], cells[4] == "yes"))];

    private sealed record Judged(string File, EntityKind Kind, string Name, string Judgment, bool Found);
}
