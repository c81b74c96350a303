using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsArchive.Core.Parsing;

/// <summary>Scraped text to clean lines: one newline convention, entities decoded, odd spaces and controls gone.</summary>
internal static partial class TextHygiene
{
    // UTF-8 bytes once decoded as Latin-1 by a scraper ("â\u0080\u0099" for "’"): a lead byte followed by its continuation bytes.
    [GeneratedRegex(@"[\u00C2-\u00DF][\u0080-\u00BF]|[\u00E0-\u00EF][\u0080-\u00BF]{2}|[\u00F0-\u00F4][\u0080-\u00BF]{3}", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleEncoded();

    /// <summary>Lines with trailing whitespace trimmed; leading indentation is kept because it marks paragraph starts.</summary>
    public static IReadOnlyList<string> CleanLines(string text)
    {
        // Entities first: &nbsp; and &#13; must go through the same space and newline handling as literal characters.
        var decoded = text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
        var repaired = DoubleEncoded().Replace(decoded, RepairDoubleEncoding);
        var unified = repaired.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

        var builder = new StringBuilder(unified.Length);
        foreach (var c in unified)
        {
            if (c is '\n' or '\t')
            {
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                builder.Append(' '); // non-breaking and other Unicode spaces
            }
            else if (!char.IsControl(c) && c != '\uFEFF')
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Split('\n').Select(line => line.TrimEnd()).ToList();
    }

    // Only sequences that re-decode as valid UTF-8 are replaced; anything else was real Latin-1 text.
    private static string RepairDoubleEncoding(Match match)
    {
        var bytes = Encoding.Latin1.GetBytes(match.Value);
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : match.Value;
    }

    /// <summary>Runs of whitespace (tabs, indentation, joined line breaks) become one space.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
