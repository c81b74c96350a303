using System.Globalization;

namespace NewsArchive.Bench;

/// <summary>The verbs' options; whatever is not an option is a positional argument.</summary>
internal sealed class BenchOptions
{
    /// <summary>Timed runs per query; the query's figure is their median.</summary>
    public int Runs { get; private set; } = 20;

    /// <summary>Untimed passes over all queries for this long before timing starts (JIT, page cache, pools).</summary>
    public double WarmUpSeconds { get; private set; } = 10;

    /// <summary>A tab-separated file with one row per query, for the script.</summary>
    public string? Out { get; private set; }

    public List<string> Positional { get; } = [];

    public static BenchOptions? Parse(IEnumerable<string> args)
    {
        var options = new BenchOptions();
        using var arg = args.GetEnumerator();
        while (arg.MoveNext())
        {
            var name = arg.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                options.Positional.Add(name);
                continue;
            }

            if (!arg.MoveNext())
            {
                return null;
            }

            var value = arg.Current;
            switch (name)
            {
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out var runs) && runs > 0:
                    options.Runs = runs;
                    break;
                case "--warmup" when double.TryParse(value, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0:
                    options.WarmUpSeconds = seconds;
                    break;
                case "--out":
                    options.Out = value;
                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}
