using System.Globalization;
using NewsArchive.Core.Storage;

namespace NewsArchive.CorpusGen;

public enum FileKind
{
    Original = 0,
    /// <summary>Byte for byte a copy of an earlier file, saved again under another name.</summary>
    Duplicate = 1,
    /// <summary>An earlier story published again by another outlet, in its own style, with small edits.</summary>
    Republication = 2,
}

/// <summary>The small edits a republication makes besides its own outlet, date and layout.</summary>
[Flags]
public enum Edits
{
    None = 0,
    Headline = 1,
    /// <summary>The last paragraph trimmed by its last sentence, or left out when it is one sentence (at most a quarter of the text).</summary>
    Trimmed = 2,
    /// <summary>A sentence of background from another article added as a last paragraph (at most a quarter of the text).</summary>
    Added = 4,
}

/// <param name="Of">The file a duplicate copies or a republication republishes; -1 for an original.</param>
/// <param name="Outlet">Index into <see cref="Outlets.All"/>.</param>
/// <param name="Cluster">The original of the story (the file itself for an original).</param>
/// <param name="BaseArticle">An original's source article (index into the library).</param>
/// <param name="Recombined">An original whose body mixes sentences of its source article with another's.</param>
/// <param name="Edits">The edits a republication tries (a trim needs enough text).</param>
public readonly record struct PlannedFile(
    FileKind Kind, int Of, int Cluster, int Outlet, HouseStyle Style, DateTime? Date, int BaseArticle, bool Recombined, Edits Edits, string RelativePath);

/// <summary>
/// Decides every file of a corpus in one cheap sequential pass, so that writing can go in parallel and in any order:
/// kind, outlet, style, date, source article and path. Same seed and library, same plan.
/// </summary>
public static class CorpusPlan
{
    public const double DuplicateShare = 0.02;
    public const double RepublicationShare = 0.05;
    public const double UndatedShare = 0.03;
    public static readonly DateTime FirstDay = new(2000, 1, 1);
    public static readonly DateTime LastDay = new(2025, 12, 31);

    // Undated files of an outlet go to numbered buckets of this many file numbers, so no folder grows without bound.
    private const int UndatedBucket = 10_000;

    public static PlannedFile[] Make(SourceLibrary library, int count, int seed)
    {
        var random = SeededRandom.For(seed, 0, RandomStream.Plan);
        var cursors = Enum.GetValues<Beat>().ToDictionary(beat => beat, beat => new PoolCursor(library.Pool(beat), random));
        var width = Math.Max(6, (count - 1).ToString(CultureInfo.InvariantCulture).Length);
        var files = new PlannedFile[count];
        for (var i = 0; i < count; i++)
        {
            var draw = random.NextDouble();
            var name = i.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + ".txt";
            if (i > 0 && draw < DuplicateShare)
            {
                var copied = random.Next(i);
                var folder = files[copied].RelativePath[..files[copied].RelativePath.LastIndexOf('/')];
                files[i] = files[copied] with { Kind = FileKind.Duplicate, Of = copied, Edits = Edits.None, RelativePath = $"{folder}/{name}" };
            }
            else if (i > 0 && draw < DuplicateShare + RepublicationShare)
            {
                var original = files[random.Next(i)].Cluster;
                var outlet = Outlets.PickIndex(random);
                while (outlet == files[original].Outlet)
                {
                    outlet = Outlets.PickIndex(random);
                }

                // Republished within days, not past the range; an undated original's republication gets a date of its own.
                var date = files[original].Date is { } day ? Min(day.Date.AddDays(random.Next(4)) + TimeOfDay(random), LastDay.AddDays(1).AddTicks(-1)) : DateOf(random);
                var republication = new PlannedFile(FileKind.Republication, original, original, outlet, default, date, -1, false, EditsOf(random), "");
                files[i] = Place(republication, i, name, random);
            }
            else
            {
                var outlet = Outlets.PickIndex(random);
                var (article, recombined) = cursors[Outlets.All[outlet].Beat].Next();
                files[i] = Place(new PlannedFile(FileKind.Original, -1, i, outlet, default, DateOf(random), article, recombined, Edits.None, ""), i, name, random);
            }
        }

        return files;
    }

    /// <summary>Whether the file prints its date, in which of its outlet's styles, and where it goes.</summary>
    private static PlannedFile Place(PlannedFile file, int index, string name, SeededRandom random)
    {
        var date = random.Chance(UndatedShare) ? null : file.Date;
        var styles = Outlets.All[file.Outlet].Styles.Where(style => date is null || !HouseStyles.IsUndatedOnly(style)).ToList();
        var slug = Slugs.From(Outlets.All[file.Outlet].Name);
        var folder = date is { } day
            ? string.Create(CultureInfo.InvariantCulture, $"{slug}/{day:yyyy}/{day:MM}")
            : string.Create(CultureInfo.InvariantCulture, $"{slug}/undated/{index / UndatedBucket:D3}");
        return file with { Style = random.Pick(styles), Date = date, RelativePath = $"{folder}/{name}" };
    }

    private static DateTime DateOf(SeededRandom random) =>
        FirstDay.AddDays(random.Next((LastDay - FirstDay).Days + 1)) + TimeOfDay(random);

    private static TimeSpan TimeOfDay(SeededRandom random) => TimeSpan.FromSeconds(random.Next(24 * 60 * 60));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static Edits EditsOf(SeededRandom random) =>
        (random.Chance(0.5) ? Edits.Headline : Edits.None)
        | (random.Chance(0.3) ? Edits.Trimmed : Edits.None)
        | (random.Chance(0.3) ? Edits.Added : Edits.None);

    /// <summary>
    /// Hands out a beat's articles in a shuffled order: each is used whole once before any is used again, and from then
    /// on recombined with another, so that a big corpus holds no accidental copies of one body.
    /// </summary>
    private sealed class PoolCursor
    {
        private readonly int[] order;
        private long next;

        public PoolCursor(BodyPool pool, SeededRandom random)
        {
            order = [.. pool.Members];
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        public (int Article, bool Recombined) Next()
        {
            var turn = next++;
            return (order[turn % order.Length], turn >= order.Length);
        }
    }
}
