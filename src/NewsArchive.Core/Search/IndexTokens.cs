using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace NewsArchive.Core.Search;

/// <summary>
/// Text cut into words the way the index's tokenizer (unicode61, remove_diacritics 2) cuts it: runs of letters,
/// digits and private-use characters, a combining accent inside a word belonging to it; then folded to lower case
/// without diacritics. <see cref="PorterStemmer"/> turns a folded word into the term the index holds. Character
/// classes are .NET's; FTS5's are Unicode 6.1's, so characters added since (newer emoji) may be cut differently.
/// </summary>
public static class IndexTokens
{
    /// <summary>
    /// The lower-case letters whose accents unicode61 strips, and what they become: those made of an ASCII letter
    /// and combining accents (FTS5 keeps the others, such as ø, æ or ǡ), the long s, and the dotted capital I, which
    /// invariant casing leaves alone. Written out because Unicode normalization is not available under invariant
    /// globalization.
    /// </summary>
    private static readonly FrozenDictionary<char, char> PlainLetters = Zip(
        "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜ"
        + "ǟǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳ"
        + "ṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹſẛİ",
        "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuu"
        + "agkoojgnaaaeeiioorruusthaeooooyabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttu"
        + "uuuuvvwwwwwxxyzzzhtwyaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyssi");

    /// <summary>The words of a text as written, case and accents kept.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var inWord = IsWordCharacter(rune) || (start >= 0 && IsCombiningAccent(rune.Value));
            if (inWord && start < 0)
            {
                start = position;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..position];
                start = -1;
            }

            position += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            yield return text[start..];
        }
    }

    /// <summary>The folded words of a text: what the stemmer receives.</summary>
    public static IEnumerable<string> Of(string text) => Words(text).Select(Fold);

    /// <summary>Lower case without diacritics: "Erdoğan", "ERDOGAN" and "erdogan" are all "erdogan".</summary>
    public static string Fold(string word)
    {
        var lower = word.ToLowerInvariant();
        if (Ascii.IsValid(lower))
        {
            return lower;
        }

        var folded = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (!IsCombiningAccent(c))
            {
                folded.Append(PlainLetters.GetValueOrDefault(c, c));
            }
        }

        return folded.ToString();
    }

    private static bool IsWordCharacter(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    private static FrozenDictionary<char, char> Zip(string accented, string plain) =>
        accented.Zip(plain, KeyValuePair.Create).ToFrozenDictionary();

    /// <summary>The combining diacritical marks block, which remove_diacritics strips.</summary>
    private static bool IsCombiningAccent(int codePoint) => codePoint is >= 0x300 and <= 0x36F;
}
