using System.Text.RegularExpressions;
using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Parsing;

namespace NewsArchive.CorpusGen;

/// <param name="RelativePath">Relative to the source folder, '/'-separated.</param>
/// <param name="Corpus">The top folder it sits in ("bbc", "reuters21578"): recombined bodies stay within one.</param>
/// <param name="Paragraphs">The parser's clean paragraphs, each split into sentences.</param>
public sealed record SourceArticle(string RelativePath, string Corpus, string Title, string[][] Paragraphs)
{
    public int SentenceCount { get; } = Paragraphs.Sum(sentences => sentences.Length);
}

/// <summary>The real articles bodies are made of, read once with the archive's own scanner and parser, grouped by beat.</summary>
public sealed partial class SourceLibrary
{
    // The corpora of ../shared/corpora and the beat each one writes for; the Middle East beat cuts across them.
    private static readonly Dictionary<string, Beat> BeatByCorpus = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reuters21578"] = Beat.Wire,
        ["bbc"] = Beat.Broadcast,
        ["buzzfeed-webis-2016"] = Beat.UsPolitics,
        ["ptc-semeval2020"] = Beat.UsPolitics,
    };

    private readonly Dictionary<Beat, BodyPool> pools;

    private SourceLibrary(IReadOnlyList<SourceArticle> articles, int filesRead)
    {
        Articles = articles;
        FilesRead = filesRead;
        // Each article on one beat only, so that no two pools hand out the same body.
        var beats = articles.Select(BeatOf).ToArray();
        var all = Enumerable.Range(0, articles.Count).ToArray();
        pools = Enum.GetValues<Beat>().ToDictionary(beat => beat, beat =>
        {
            var members = all.Where(i => beats[i] == beat).ToArray();
            // A source folder other than ../shared/corpora: a beat it cannot feed draws on everything.
            return new BodyPool(articles, members.Length > 0 ? members : all);
        });
    }

    public IReadOnlyList<SourceArticle> Articles { get; }

    public int FilesRead { get; }

    public BodyPool Pool(Beat beat) => pools[beat];

    [GeneratedRegex(@"\b(?:iran|iraq|syria|tehran|baghdad|damascus|daesh|isis|isil|israel|lebanon|hezbollah|saudi|kuwait|yemen|gulf|palestin|opec|arab|muslim|islam|turkey|turkish|russia|afghan|pakistan|egypt|jordan|qatar|terror)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MiddleEastTopic();

    /// <summary>Every article file below <paramref name="folder"/> that parses to some text, in the scanner's order, each body once.</summary>
    public static SourceLibrary Load(string folder)
    {
        var scanner = new CorpusScanner(folder);
        var files = scanner.Scan().ToList();
        var articles = files
            .AsParallel().AsOrdered()
            .Select(file => Read(scanner, file))
            .Where(article => article is not null)
            .Select(article => article!)
            .ToList();
        // Corpora repeat some stories word for word (Reuters did): one copy, so that only planted duplicates are duplicates.
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        var distinct = articles.Where(a => bodies.Add(string.Join('\n', a.Paragraphs.Select(p => string.Join(' ', p))))).ToList();
        return new SourceLibrary(distinct, files.Count);
    }

    private static SourceArticle? Read(CorpusScanner scanner, CorpusFile file)
    {
        var parsed = ArticleParser.Parse(File.ReadAllBytes(scanner.FullPathOf(file)), ParseOptions.Default).Article;
        if (parsed is null)
        {
            return null;
        }

        // A lead that only repeats the headline (Reuters tables) would read as the headline printed twice.
        var paragraphs = parsed.Paragraphs.SkipWhile(p => string.Equals(p, parsed.Title, StringComparison.OrdinalIgnoreCase)).ToList();
        if (paragraphs.Count == 0)
        {
            return null;
        }

        var slash = file.RelativePath.IndexOf('/', StringComparison.Ordinal);
        var corpus = slash > 0 ? file.RelativePath[..slash] : "";
        return new SourceArticle(file.RelativePath, corpus, parsed.Title, [.. paragraphs.Select(Sentences.Split)]);
    }

    private static Beat? BeatOf(SourceArticle article) =>
        MiddleEastTopic().IsMatch(article.Title) || article.Paragraphs.Any(p => p.Any(s => MiddleEastTopic().IsMatch(s)))
            ? Beat.MiddleEast
            : BeatByCorpus.TryGetValue(article.Corpus, out var beat) ? beat : null;
}

/// <summary>The articles of one beat, and by corpus, to find a partner for recombining a body.</summary>
public sealed class BodyPool(IReadOnlyList<SourceArticle> articles, int[] members)
{
    private readonly Dictionary<string, int[]> byCorpus = members
        .GroupBy(i => articles[i].Corpus, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<int> Members { get; } = members;

    /// <summary>Another article of the pool from the same corpus as <paramref name="article"/> (itself only when it is alone there).</summary>
    public int PartnerOf(int article, SeededRandom random)
    {
        var sameCorpus = byCorpus[articles[article].Corpus];
        if (sameCorpus.Length == 1)
        {
            return article;
        }

        var partner = sameCorpus[random.Next(sameCorpus.Length - 1)];
        return partner == article ? sameCorpus[^1] : partner;
    }
}
