using System.Text.RegularExpressions;

namespace NewsArchive.Core.Parsing;

/// <summary>
/// Body lines to paragraphs, for the three layouts files come in: blank-line separated paragraphs,
/// one paragraph (or sentence) per line, and hard-wrapped lines whose paragraphs start indented (wire copy).
/// </summary>
internal static partial class ParagraphLayout
{
    // Wrapping tools break lines well under this; a longer line was written as a whole paragraph.
    private const int WrapWidth = 100;

    [GeneratedRegex(@"[.!?…""”’»)]$", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    public static List<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var block = new List<string>();
        foreach (var line in lines.Append(string.Empty))
        {
            if (line.Trim().Length > 0)
            {
                block.Add(line);
                continue;
            }

            if (block.Count > 0)
            {
                paragraphs.AddRange(SplitBlock(block).Select(TextHygiene.Collapse).Where(p => p.Length > 0));
                block.Clear();
            }
        }

        return paragraphs;
    }

    private static List<string> SplitBlock(List<string> block)
    {
        if (!IsHardWrapped(block))
        {
            return block;
        }

        // Rejoin wrapped lines with a space; an indented line starts a new paragraph.
        var joined = new List<string>();
        foreach (var line in block)
        {
            if (joined.Count == 0 || char.IsWhiteSpace(line[0]))
            {
                joined.Add(line);
            }
            else
            {
                joined[^1] += " " + line;
            }
        }

        return joined;
    }

    /// <summary>Wrapped lines are short and mostly stop mid-sentence; one-per-line text mostly ends each line with a sentence.</summary>
    private static bool IsHardWrapped(List<string> block)
    {
        var inner = block.Take(block.Count - 1).Select(line => line.Trim()).ToList();
        return inner.Count > 0
            && inner.All(line => line.Length <= WrapWidth)
            && inner.Count(line => SentenceEnd().IsMatch(line)) * 2 < inner.Count;
    }
}
