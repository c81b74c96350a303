using System.Diagnostics;
using System.Globalization;

namespace NewsArchive.Bench;

/// <summary>The one timing method of every verb, the same as the anchor harness's: warm up, then the median of N runs.</summary>
internal static class Timing
{
    private const int WarmUpRuns = 3;

    /// <summary>Untimed passes over all queries until <paramref name="seconds"/> have passed, at least one.</summary>
    public static async Task WarmUpAsync(IReadOnlyList<Func<Task>> queries, double seconds)
    {
        var started = Stopwatch.GetTimestamp();
        do
        {
            foreach (var query in queries)
            {
                await query();
            }
        }
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds);
    }

    /// <summary>Three warm-up runs, then the median of <paramref name="runs"/> timed runs, in milliseconds.</summary>
    public static async Task<double> MedianMsAsync(Func<Task> query, int runs)
    {
        for (var i = 0; i < WarmUpRuns; i++)
        {
            await query();
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await query();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Median(times);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Nearest rank, as the anchor harness computes it: the smallest value with at least p of the values at or below it.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    public static string Percentiles(IReadOnlyCollection<double> ms, string prefix = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}p50_ms={Percentile(ms, 0.5):0.###} {prefix}p95_ms={Percentile(ms, 0.95):0.###} {prefix}p99_ms={Percentile(ms, 0.99):0.###}");
}
