using System.Text.RegularExpressions;

namespace NewsArchive.CorpusGen;

/// <summary>
/// Splits a paragraph into sentences, well enough to recombine real text: a split after "U.S." or "Gen." only
/// makes two pieces of one real sentence. Joining the pieces with one space gives the paragraph back.
/// </summary>
public static partial class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Sen", "Rep", "Gov", "Jr", "Sr",
        "No", "Co", "Corp", "Inc", "Ltd", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Oct", "Nov", "Dec",
    };

    // A sentence end, then one space, then what starts a sentence: a capital, a digit or an opening quote.
    [GeneratedRegex(@"(?<word>[\p{L}.]*)[.!?][""”’)]* (?=[""“‘(]?[\p{Lu}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex End();

    public static string[] Split(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match end in End().Matches(paragraph))
        {
            var word = end.Groups["word"].Value.TrimEnd('.');
            if (word.Length <= 1 || word.Contains('.', StringComparison.Ordinal) || Abbreviations.Contains(word))
            {
                continue; // an initial, "U.S.", "Gen.": not the end of a sentence
            }

            var stop = end.Index + end.Length - 1; // the space
            sentences.Add(paragraph[start..stop]);
            start = stop + 1;
        }

        sentences.Add(paragraph[start..]);
        return [.. sentences];
    }
}
