using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsArchive.Core.Parsing;

namespace NewsArchive.CorpusGen;

/// <param name="Recombined">Originals whose body mixes two source articles (the rest use one whole).</param>
/// <param name="LargestFolder">The most files any one folder holds.</param>
public sealed record GenerationReport(
    int Files, int Originals, int Recombined, int Duplicates, int Republications, int Undated, int Outlets, long Bytes, int LargestFolder, TimeSpan Elapsed);

/// <summary>
/// Writes a corpus of synthetic article files and its <see cref="TruthManifest"/>. Every file is a pure function of
/// the seed, the library and its plan entry, so files are written in parallel and the output is the same on every run.
/// </summary>
public sealed class CorpusGenerator(SourceLibrary library, int seed)
{
    private const double KeptSentenceShare = 0.6;
    private const int MinRecombinedSentences = 10;
    private const double CrlfShare = 0.03;
    private const double BomShare = 0.01;

    private static readonly (string Prefix, string Suffix)[] HeadlineEdits =
        [("Report: ", ""), ("", " - report"), ("UPDATE 1-", ""), ("", " (+video)"), ("WATCH: ", ""), ("", ": sources")];

    private readonly record struct Truth(ArticleDate? Date, string Title, Edits Edits, int Base, int Partner, int Added);

    private readonly record struct Rendered(byte[] Bytes, Truth Truth);

    public GenerationReport Generate(int count, string outputFolder)
    {
        var clock = Stopwatch.StartNew();
        var plan = CorpusPlan.Make(library, count, seed);
        // Folder by folder, in name order: file systems write a folder's files together far faster than scattered ones.
        var folders = Enumerable.Range(0, count)
            .GroupBy(i => plan[i].RelativePath[..plan[i].RelativePath.LastIndexOf('/')])
            .OrderBy(folder => folder.Key, StringComparer.Ordinal)
            .ToList();
        var truths = new Truth[count];
        long bytes = 0;
        Parallel.ForEach(folders, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new StringBuilder(16 * 1024),
            (folder, _, text) =>
            {
                Directory.CreateDirectory(Path.Combine(outputFolder, folder.Key));
                foreach (var i in folder)
                {
                    var rendered = Render(plan, i, text);
                    // A bare handle, no FileStream: fewer system calls per file, and never over an existing file.
                    using (var handle = File.OpenHandle(Path.Combine(outputFolder, plan[i].RelativePath), FileMode.CreateNew, FileAccess.Write))
                    {
                        RandomAccess.Write(handle, rendered.Bytes, 0);
                    }

                    truths[i] = rendered.Truth;
                    Interlocked.Add(ref bytes, rendered.Bytes.Length);
                }

                return text;
            },
            _ => { });
        TruthManifest.Write(Path.Combine(outputFolder, TruthManifest.FileName), plan.Select((file, i) => RowOf(plan, i, truths[i])));

        return new GenerationReport(
            count,
            plan.Count(f => f.Kind == FileKind.Original),
            plan.Count(f => f.Kind == FileKind.Original && f.Recombined),
            plan.Count(f => f.Kind == FileKind.Duplicate),
            plan.Count(f => f.Kind == FileKind.Republication),
            plan.Count(f => f.Date is null),
            plan.Select(f => f.Outlet).Distinct().Count(),
            bytes,
            folders.Max(folder => folder.Count()),
            clock.Elapsed);
    }

    private Rendered Render(PlannedFile[] plan, int index, StringBuilder text)
    {
        var file = plan[index];
        if (file.Kind == FileKind.Duplicate)
        {
            return Render(plan, file.Of, text);
        }

        var original = plan[file.Cluster];
        var title = library.Articles[original.BaseArticle].Title;
        var (paragraphs, partner) = Body(original, file.Cluster);
        var truth = new Truth(null, title, Edits.None, original.BaseArticle, partner, -1);
        if (file.Kind == FileKind.Republication)
        {
            truth = Edit(file, index, paragraphs, truth);
        }

        // Wire headlines came in capitals; other outlets print them in title case.
        if (file.Style != HouseStyle.WireCopy && truth.Title.Any(char.IsLetter) && !truth.Title.Any(char.IsLower))
        {
            truth = truth with { Title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(truth.Title.ToLowerInvariant()) };
        }

        var layout = SeededRandom.For(seed, index, RandomStream.Layout);
        text.Clear();
        var printed = HouseStyles.Render(file.Style, new Story(Outlets.All[file.Outlet], file.Date, truth.Title, paragraphs), layout, text);
        return new Rendered(Encode(text, layout), truth with { Date = printed });
    }

    /// <summary>An original's body: its source article whole, or (once that was used) a sample of its sentences and of another's.</summary>
    private (List<string> Paragraphs, int Partner) Body(PlannedFile original, int index)
    {
        var article = library.Articles[original.BaseArticle];
        if (!original.Recombined)
        {
            return ([.. article.Paragraphs.Select(Join)], -1);
        }

        var random = SeededRandom.For(seed, index, RandomStream.Body);
        var pool = library.Pool(Outlets.All[original.Outlet].Beat);
        var partner = pool.PartnerOf(original.BaseArticle, random);
        // Two short stories give few samples, so the same body again: look for a partner with enough sentences.
        for (var tries = 1; tries < 10 && article.SentenceCount + library.Articles[partner].SentenceCount < MinRecombinedSentences; tries++)
        {
            partner = pool.PartnerOf(original.BaseArticle, random);
        }

        var paragraphs = Sample(article, random, keepLead: true, out _);
        var added = Sample(library.Articles[partner], random, keepLead: false, out var kept);
        // At least two of the partner's sentences, so that trimming a republication never leaves the base article alone.
        paragraphs.AddRange(kept >= 2 ? added : [Join([.. library.Articles[partner].Paragraphs.SelectMany(sentences => sentences).Take(2)])]);
        return (paragraphs, partner);
    }

    private static List<string> Sample(SourceArticle article, SeededRandom random, bool keepLead, out int sentencesKept)
    {
        var paragraphs = new List<string>();
        var lead = keepLead;
        sentencesKept = 0;
        foreach (var sentences in article.Paragraphs)
        {
            var kept = new List<string>();
            foreach (var sentence in sentences)
            {
                if (lead || random.Chance(KeptSentenceShare))
                {
                    kept.Add(sentence);
                    lead = false;
                }
            }

            if (kept.Count > 0)
            {
                paragraphs.Add(string.Join(' ', kept));
                sentencesKept += kept.Count;
            }
        }

        return paragraphs;
    }

    private Truth Edit(PlannedFile file, int index, List<string> paragraphs, Truth truth)
    {
        var random = SeededRandom.For(seed, index, RandomStream.Edits);
        var edits = file.Edits;
        var title = truth.Title;
        var added = -1;
        if (edits.HasFlag(Edits.Headline))
        {
            var (prefix, suffix) = random.Pick(HeadlineEdits);
            title = prefix + title + suffix;
        }

        // Small edits: what is cut or added is at most a quarter of the story, else the edit is not made.
        var budget = paragraphs.Sum(paragraph => paragraph.Length) / 4;
        if (edits.HasFlag(Edits.Trimmed))
        {
            var last = Sentences.Split(paragraphs[^1]);
            if (last.Length >= 2 && last[^1].Length <= budget)
            {
                paragraphs[^1] = Join(last[..^1]);
            }
            else if (last.Length == 1 && paragraphs.Count >= 2 && paragraphs[^1].Length <= budget)
            {
                paragraphs.RemoveAt(paragraphs.Count - 1);
            }
            else
            {
                edits &= ~Edits.Trimmed;
            }
        }

        if (edits.HasFlag(Edits.Added))
        {
            var pool = library.Pool(Outlets.All[file.Outlet].Beat).Members;
            var candidate = pool[random.Next(pool.Count)];
            var background = library.Articles[candidate].Paragraphs[0][0];
            if (background.Length <= budget)
            {
                paragraphs.Add(background);
                added = candidate;
            }
            else
            {
                edits &= ~Edits.Added;
            }
        }

        return truth with { Title = title, Edits = edits, Added = added };
    }

    private static byte[] Encode(StringBuilder text, SeededRandom random)
    {
        if (random.Chance(CrlfShare))
        {
            text.Replace("\n", "\r\n");
        }

        var content = text.ToString();
        var preamble = random.Chance(BomShare) ? Encoding.UTF8.Preamble : [];
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(content)];
        preamble.CopyTo(bytes);
        Encoding.UTF8.GetBytes(content, bytes.AsSpan(preamble.Length));
        return bytes;
    }

    private TruthRow RowOf(PlannedFile[] plan, int index, Truth truth)
    {
        var file = plan[index];
        var sources = new[] { truth.Base, truth.Partner, truth.Added }.Where(i => i >= 0).Select(i => library.Articles[i].RelativePath).ToList();
        return new TruthRow(
            file.RelativePath,
            plan[file.Cluster].RelativePath,
            file.Kind,
            file.Of >= 0 ? plan[file.Of].RelativePath : null,
            Outlets.All[file.Outlet].Name,
            truth.Date?.ToIso(),
            file.Style,
            truth.Edits,
            HouseStyles.PrintsHeadline(file.Style) ? truth.Title : null,
            sources);
    }

    private static string Join(string[] sentences) => string.Join(' ', sentences);
}
