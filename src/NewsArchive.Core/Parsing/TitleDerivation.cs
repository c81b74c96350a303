using System.Text.RegularExpressions;

namespace NewsArchive.Core.Parsing;

/// <summary>A title for a file that printed none: the lead's first sentence, cut at a word boundary to fit a headline.</summary>
internal static partial class TitleDerivation
{
    public const int MaxLength = 140;

    // Words whose period does not end a sentence: titles and initials ("Gen. Soleimani", "U.S.", "J. Smith").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Sen", "Rep", "Gov", "Pres",
        "Jr", "Sr", "No", "Co", "Corp", "Inc", "Ltd", "Dept", "vs", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
    };

    [GeneratedRegex(@"(?<word>[\p{L}.]*?)(?<stop>[.!?…]+)[""”’)]*(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    // What a cut or a sentence end leaves dangling: punctuation, dashes and opening quotes or brackets.
    private static readonly char[] Dangling = [' ', '.', ',', ';', ':', '-', '–', '—', '…', '“', '‘', '(', '[', '«'];

    // Words a cut headline should not end on ("... in the fight against the").
    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "and", "or", "in", "on", "at", "by", "for", "with", "from", "as", "that", "its", "their",
    };

    /// <summary>A prefix of <paramref name="lead"/>, at most <see cref="MaxLength"/> characters, ending at a word boundary.</summary>
    public static string FromLead(string lead)
    {
        var sentence = FirstSentence(lead);
        if (sentence.Length > MaxLength)
        {
            var cut = lead.LastIndexOf(' ', MaxLength);
            sentence = cut > 0 ? DropDanglingWords(lead[..cut]) : lead[..MaxLength];
        }

        // A lead of punctuation alone ("…") would trim to nothing; a title is never empty.
        var title = sentence.TrimEnd(Dangling);
        return title.Length > 0 ? title : lead[..Math.Min(lead.Length, MaxLength)];
    }

    private static string DropDanglingWords(string cut)
    {
        var end = cut.Length;
        while (end > 0 && cut.LastIndexOf(' ', end - 1) is var space and > 0 && DanglingWords.Contains(cut[(space + 1)..end]))
        {
            end = space;
        }

        return cut[..end];
    }

    private static string FirstSentence(string text)
    {
        foreach (Match end in SentenceEnd().Matches(text))
        {
            var word = end.Groups["word"].Value.TrimEnd('.');
            var isAbbreviation = end.Groups["stop"].Value == "." && (word.Length == 1 || word.Contains('.', StringComparison.Ordinal) || Abbreviations.Contains(word));
            if (!isAbbreviation)
            {
                return text[..(end.Index + end.Length)];
            }
        }

        return text;
    }
}
