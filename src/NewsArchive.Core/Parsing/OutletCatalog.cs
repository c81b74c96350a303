using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NewsArchive.Core.Parsing;

/// <summary>
/// The known outlets and the ways files write them (abbreviations, corpus source codes, wire trailers).
/// Lookups ignore case, spaces and punctuation, so "Al-Alam", "alalam" and "AL ALAM" are one outlet.
/// </summary>
public static class OutletCatalog
{
    // Canonical name first, then aliases that differ from it by more than case and punctuation.
    // The only place outlet names live; corpus codes such as "dailysabah" match their canonical name already.
    private static readonly string[][] Table =
    [
        ["Press TV"],
        ["Fars News Agency", "FNA", "Fars"],
        ["Rasa News Agency", "RNA", "Rasa"],
        ["Tasnim News Agency", "Tasnim"],
        ["Islamic Republic News Agency", "IRNA"],
        ["Mehr News Agency", "MNA", "Mehr"],
        ["Reuters", "Reuter"],
        ["Associated Press", "AP", "The Associated Press"],
        ["Agence France-Presse", "AFP"],
        ["BBC", "BBC News"],
        ["Al-Alam"],
        ["Al-Manar", "manar"],
        ["Ahram Online", "ahram"],
        ["Al-Araby"],
        ["Daily Sabah"],
        ["SANA"],
        ["Sputnik"],
        ["Etilaf"],
        ["TRT"],
        ["Jordan Times"],
        ["Al Arabiya", "arabiya"],
        ["NNA"],
        ["Asharq Al-Awsat"],
        ["TASS"],
        ["Politico"],
        ["CNN"],
        ["ABC News", "abc"],
        ["Right Wing News"],
        ["Eagle Rising"],
        ["Addicting Info"],
        ["Freedom Daily"],
        ["Occupy Democrats"],
        ["The Other 98%"],
    ];

    private static readonly Dictionary<string, string> CanonicalByKey = Table
        .SelectMany(row => row.Select(alias => (Key: Key(alias), Canonical: row[0])))
        .ToDictionary(pair => pair.Key, pair => pair.Canonical, StringComparer.Ordinal);

    /// <summary>Every name of every known outlet, aliases included.</summary>
    public static IEnumerable<string> Names => Table.SelectMany(row => row);

    /// <summary>The canonical name of a known outlet alias; anything else comes back as written, trimmed.</summary>
    public static string Canonical(string written) =>
        TryFind(written, out var canonical) ? canonical : written.Trim();

    /// <summary>True when <paramref name="written"/> names a known outlet.</summary>
    public static bool TryFind(string written, [NotNullWhen(true)] out string? canonical) =>
        CanonicalByKey.TryGetValue(Key(written), out canonical);

    private static string Key(string written)
    {
        var builder = new StringBuilder(written.Length);
        foreach (var c in written)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
