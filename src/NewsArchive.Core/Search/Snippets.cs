using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NewsArchive.Core.Search;

/// <summary>
/// Turns text from the index into HTML that is safe to show: everything encoded, and only <c>&lt;mark&gt;</c>
/// added where FTS5 put its markers. The markers are control characters, which the parser removes from articles.
/// </summary>
public static class Snippets
{
    public const string Open = "\u0002";
    public const string Close = "\u0003";

    /// <summary>Words in a snippet: about two lines of a result list.</summary>
    public const int Words = 32;

    private const int LeadLength = 240;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes a passage for one line of a list: paragraph breaks become spaces.</summary>
    public static string Encode(string text) => Encoder.Encode(text.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));

    public static bool HasMark(string marked) => marked.Contains(Open, StringComparison.Ordinal);

    /// <summary>Encodes the text between markers and writes each marked run as &lt;mark&gt;; stray markers are dropped, tags always balance.</summary>
    public static string ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] is not ('\u0002' or '\u0003'))
            {
                continue;
            }

            html.Append(Encode(marked[start..i]));
            if (i < marked.Length && (marked[i] == '\u0002') != open)
            {
                html.Append(open ? "</mark>" : "<mark>");
                open = !open;
            }

            start = i + 1;
        }

        return open ? html.Append("</mark>").ToString() : html.ToString();
    }

    /// <summary>The opening of a text for a list without a query: about two lines, cut at a word.</summary>
    public static string Lead(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Length <= LeadLength)
        {
            return Encode(text);
        }

        var cut = text.LastIndexOf(' ', LeadLength);
        return Encode(text[..(cut > LeadLength / 2 ? cut : LeadLength)]) + "…";
    }
}
