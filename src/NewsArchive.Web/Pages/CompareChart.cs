using System.Globalization;
using NewsArchive.Core.Search;

namespace NewsArchive.Web.Pages;

/// <summary>
/// The geometry of the compare page's chart, in SVG user units (the drawing scales to the page's width): a line per
/// query over the months, a nicely rounded count axis, and month or year labels. Each query's line has its own dash
/// pattern and marker shape as well as its own colour, so the lines can be told apart without colour.
/// </summary>
public sealed class CompareChart
{
    public const int Width = 480;
    public const int Height = 240;

    /// <summary>Room for the count labels on the left and for a centred month label under the last month.</summary>
    public const int Left = 44;
    public const int Right = Width - 26;
    public const int Top = 10;
    public const int Bottom = Height - 24;

    private const int Inset = 8;

    /// <summary>Beyond this many months a line carries a marker only every few months, or markers would hide the line.</summary>
    private const int MarkEveryMonthUpTo = 36;

    private const int MarkersPerLine = 24;

    /// <summary>Up to two years are labelled by month, longer ranges by year.</summary>
    private const int MonthLabelsUpTo = 24;

    /// <summary>As many labels as fit side by side: "Nov 2014" is about 46 units wide, "2014" about 26.</summary>
    private const int MaxMonthLabels = 6;
    private const int MaxYearLabels = 12;

    private static readonly int[] YearSteps = [1, 2, 5, 10, 20, 50, 100];

    private readonly IReadOnlyList<DateOnly> months;

    public CompareChart(Comparison comparison)
    {
        months = comparison.Months;
        var highest = comparison.Queries.SelectMany(q => q.Counts).DefaultIfEmpty(0).Max();
        var step = Nice(highest / 4.0);
        Max = Math.Max(step, (int)Math.Ceiling(highest / (double)step) * step);
        CountTicks = [.. Enumerable.Range(0, Max / step + 1).Select(i => i * step)];
        MonthTicks = months.Count <= MonthLabelsUpTo ? MonthLabels() : YearLabels();
    }

    /// <summary>The top of the count axis: the highest count rounded up to a tick.</summary>
    public int Max { get; }

    public IReadOnlyList<int> CountTicks { get; }

    /// <summary>"2,500", or "15k" on an axis that reaches 10,000 (its ticks are then whole thousands), to fit beside the axis.</summary>
    public string CountLabel(int tick) =>
        Max >= 10_000 && tick > 0 ? $"{tick / 1000}k" : tick.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The months that get a label on the time axis, with their labels.</summary>
    public IReadOnlyList<(int Month, string Label)> MonthTicks { get; }

    /// <summary>Every January, marked on the time axis when the labels are years.</summary>
    public IEnumerable<int> Januaries => Enumerable.Range(0, months.Count).Where(i => months[i].Month == 1);

    /// <summary>The first and last month sit a little inside the axis, clear of the count labels.</summary>
    public double X(int month) => months.Count == 1 ? (Left + Right) / 2.0 : Left + Inset + (month * (double)(Right - Left - (2 * Inset)) / (months.Count - 1));

    public double Y(int count) => Bottom - (count * (double)(Bottom - Top) / Max);

    /// <summary>A query's line as the points attribute of a polyline.</summary>
    public string Points(ComparedQuery query) => string.Join(' ', query.Counts.Select((count, i) => $"{Unit(X(i))},{Unit(Y(count))}"));

    /// <summary>
    /// The months where a query's line carries its marker: every month with a match when there are few months,
    /// otherwise the highest month of each stretch of a few, so the peaks, where the lines need telling apart, are
    /// marked. None at zero, where all the lines meet.
    /// </summary>
    public IEnumerable<int> MarkedMonths(ComparedQuery query)
    {
        var every = months.Count <= MarkEveryMonthUpTo ? 1 : (int)Math.Ceiling(months.Count / (double)MarkersPerLine);
        return Enumerable.Range(0, (months.Count + every - 1) / every)
            .Select(stretch => Enumerable.Range(stretch * every, Math.Min(every, months.Count - (stretch * every))).MaxBy(i => query.Counts[i]))
            .Where(i => query.Counts[i] > 0);
    }

    /// <summary>The outline of a query's marker centred on a point: circle, square, triangle or diamond for the first to the fourth query.</summary>
    public static string Marker(int series, double x, double y)
    {
        const double r = 4;
        return (series % 4) switch
        {
            0 => $"M{Unit(x - r)},{Unit(y)}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0z",
            1 => $"M{Unit(x - r)},{Unit(y - r)}h{2 * r}v{2 * r}h{-2 * r}z",
            2 => $"M{Unit(x)},{Unit(y - r - 1)}l{r + 1},{2 * r}h{-2 * (r + 1)}z",
            _ => $"M{Unit(x)},{Unit(y - r - 1)}l{r + 1},{r + 1}l{-(r + 1)},{r + 1}l{-(r + 1)},{-(r + 1)}z",
        };
    }

    /// <summary>A number in user units, short: the chart of 300 months has some 2,400 of them.</summary>
    public static string Unit(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The smallest of 1, 2 or 5 times a power of ten that is at least <paramref name="value"/>, and at least 1.</summary>
    private static int Nice(double value)
    {
        for (var power = 1; ; power *= 10)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (factor * power >= value)
                {
                    return factor * power;
                }
            }
        }
    }

    private List<(int, string)> MonthLabels()
    {
        var every = (int)Math.Ceiling(months.Count / (double)MaxMonthLabels);
        return [.. Enumerable.Range(0, months.Count).Where(i => i % every == 0).Select(i => (i, Display.Month(months[i])))];
    }

    /// <summary>Each January's year, or every 2nd, 5th, 10th… year when there are too many to fit.</summary>
    private List<(int, string)> YearLabels()
    {
        var januaries = Januaries.ToList();
        var every = YearSteps.FirstOrDefault(n => januaries.Count / n <= MaxYearLabels, 100);
        return [.. januaries.Where(i => months[i].Year % every == 0).Select(i => (i, months[i].Year.ToString(CultureInfo.InvariantCulture)))];
    }
}
