using System.Net;
using System.Text;

namespace NewsArchive.Core.Parsing;

/// <summary>Scraped text to clean lines: one newline convention, entities decoded, odd spaces and controls gone.</summary>
internal static class TextHygiene
{
    /// <summary>Lines with trailing whitespace trimmed; leading indentation is kept because it marks paragraph starts.</summary>
    public static IReadOnlyList<string> CleanLines(string text)
    {
        // Entities first: &nbsp; and &#13; must go through the same space and newline handling as literal characters.
        var decoded = text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
        var unified = decoded.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

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
