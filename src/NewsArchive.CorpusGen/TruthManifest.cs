using System.Text;

namespace NewsArchive.CorpusGen;

/// <param name="Path">The file, relative to the corpus folder.</param>
/// <param name="Cluster">The path of the story's original: files with the same cluster tell the same story.</param>
/// <param name="Of">The file a duplicate copies or a republication republishes; null for an original.</param>
/// <param name="Outlet">The canonical outlet the parser must find.</param>
/// <param name="Date">The publication date as the parser must read it (ISO 8601, as precise as printed); null when undated.</param>
/// <param name="Edits">How the story differs from its original's, besides outlet, date and layout.</param>
/// <param name="Title">The headline the file prints; null when it prints none and the parser derives one.</param>
/// <param name="Sources">The real articles the body was made of, relative to the source folder.</param>
public sealed record TruthRow(
    string Path, string Cluster, FileKind Kind, string? Of, string Outlet, string? Date, HouseStyle Style, Edits Edits, string? Title, IReadOnlyList<string> Sources);

/// <summary>
/// The ground truth written beside a generated corpus: one tab-separated row per file. Not a *.txt file, so ingestion
/// never takes it for an article.
/// </summary>
public static class TruthManifest
{
    public const string FileName = "_truth.tsv";

    private const string Header = "path\tcluster\tkind\tof\toutlet\tdate\tstyle\tedits\ttitle\tsources";

    public static void Write(string path, IEnumerable<TruthRow> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join('\t',
                row.Path, row.Cluster, row.Kind.ToString().ToLowerInvariant(), row.Of ?? "", row.Outlet, row.Date ?? "", row.Style,
                FormatEdits(row.Edits), row.Title?.Replace('\t', ' ') ?? "", string.Join('+', row.Sources)));
        }
    }

    public static List<TruthRow> Read(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(line => line.Split('\t')).Select(f => new TruthRow(
            f[0], f[1], Enum.Parse<FileKind>(f[2], ignoreCase: true), NullIfEmpty(f[3]), f[4], NullIfEmpty(f[5]), Enum.Parse<HouseStyle>(f[6]),
            ParseEdits(f[7]), NullIfEmpty(f[8]), f[9].Split('+', StringSplitOptions.RemoveEmptyEntries)))];

    private static string FormatEdits(Edits edits) =>
        string.Join('+', Enum.GetValues<Edits>().Where(e => e != Edits.None && edits.HasFlag(e)).Select(e => e.ToString().ToLowerInvariant()));

    private static Edits ParseEdits(string text) =>
        text.Split('+', StringSplitOptions.RemoveEmptyEntries).Aggregate(Edits.None, (edits, name) => edits | Enum.Parse<Edits>(name, ignoreCase: true));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
