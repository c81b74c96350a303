using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsArchive.Core.Parsing;

/// <summary>What opened a paragraph: a dateline city and/or the outlet it names, and the text after the marker.</summary>
internal readonly record struct LeadMarker(string? Dateline, string? Outlet, string Rest);

/// <summary>
/// The markers news copy puts in front of its first paragraph:
/// a dateline with an outlet, "TEHRAN (FNA)-" or "BEIRUT, Lebanon (AP) —"; a wire dateline, "NEW YORK, March 3 -";
/// or an outlet prefix, "RNA -" (known aliases only: "Geneva - " is a place, not an outlet).
/// </summary>
internal static partial class LeadMarkers
{
    // Cities are printed in capitals; a region ("Lebanon") may follow after a comma.
    private const string City = @"(?<city>\p{Lu}[\p{Lu}.'’\- ]{1,40}?)(?:,\s*(?<region>\p{Lu}[\p{L}.' ]{1,30}?))?";
    private const string Dash = @"\s*[-–—]+\s*";

    [GeneratedRegex(@"^" + City + @"\s*\((?<abbr>[^()]{1,40})\)" + Dash, RegexOptions.CultureInvariant)]
    private static partial Regex OutletDateline();

    [GeneratedRegex(@"^" + City + @",\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:\s*\((?<abbr>[^()]{1,40})\))?" + Dash, RegexOptions.CultureInvariant)]
    private static partial Regex WireDateline();

    [GeneratedRegex(@"^(?<name>\p{L}[\p{L}\p{N}.&'’ ]{0,40}?)\s+[-–—]+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex OutletPrefix();

    public static bool TryRead(string paragraph, out LeadMarker marker)
    {
        var dateline = OutletDateline().Match(paragraph);
        if (!dateline.Success)
        {
            dateline = WireDateline().Match(paragraph);
        }

        if (dateline.Success)
        {
            var abbr = dateline.Groups["abbr"];
            marker = new LeadMarker(
                TitleCase(dateline.Groups["city"].Value),
                abbr.Success ? OutletCatalog.Canonical(abbr.Value) : null,
                paragraph[dateline.Length..]);
            return true;
        }

        var prefix = OutletPrefix().Match(paragraph);
        if (prefix.Success && OutletCatalog.TryFind(prefix.Groups["name"].Value, out var outlet))
        {
            marker = new LeadMarker(null, outlet, paragraph[prefix.Length..]);
            return true;
        }

        marker = default;
        return false;
    }

    private static string TitleCase(string city) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(city.Trim().ToLowerInvariant());
}
