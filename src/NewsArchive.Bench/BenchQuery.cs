namespace NewsArchive.Bench;

/// <summary>
/// One line of a query file: the query text, then optionally a tab and more of the API's query string
/// (<c>outlet=reuters&amp;from=1987</c>, <c>sort=newest</c>). Blank lines and lines starting with # are skipped.
/// </summary>
internal sealed record BenchQuery(int Number, string Text, string Parameters)
{
    public static List<BenchQuery> Load(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .Select((line, i) => Parse(i + 1, line))
            .ToList();

    public string ApiPath => "/api/search?q=" + Uri.EscapeDataString(Text) + (Parameters.Length > 0 ? "&" + Parameters : "");

    /// <summary>How the query shows in reports: its text, then its extra parameters.</summary>
    public override string ToString() => Parameters.Length > 0 ? $"{Text} [{Parameters}]" : Text;

    private static BenchQuery Parse(int number, string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        return tab < 0
            ? new BenchQuery(number, line.Trim(), "")
            : new BenchQuery(number, line[..tab].Trim(), line[(tab + 1)..].Trim());
    }
}
