using System.Text;

namespace NewsArchive.Core.Search;

/// <summary>
/// Porter's stemmer exactly as SQLite FTS5's <c>porter</c> tokenizer applies it to a token that unicode61 has
/// already folded (see <see cref="IndexTokens"/>), so that our stem of a word is the term the index holds.
/// FTS5's details are kept on purpose, even where they differ from Porter's paper: it works on UTF-8 bytes (a
/// non-ASCII letter is a run of consonants), leaves tokens under 3 or over 64 bytes alone, has Step 2's "logi"
/// rule, and a rule whose condition fails still ends its step. The test against FTS5 itself keeps the two in step.
/// </summary>
public static class PorterStemmer
{
    private const int MaxTokenBytes = 64;

    private delegate bool Condition(ReadOnlySpan<byte> stem);

    /// <summary>A suffix, what replaces it, and when. Within a step the first suffix the word ends with decides.</summary>
    private sealed record Rule(string Suffix, string Replacement, Condition When);

    private static readonly (string Suffix, string Replacement)[] Step1BEndings = [("at", "ate"), ("bl", "ble"), ("iz", "ize")];

    private static readonly Rule[] Step2 =
    [
        new("ational", "ate", MeasureAbove0), new("tional", "tion", MeasureAbove0),
        new("enci", "ence", MeasureAbove0), new("anci", "ance", MeasureAbove0),
        new("izer", "ize", MeasureAbove0),
        new("logi", "log", MeasureAbove0),
        new("bli", "ble", MeasureAbove0), new("alli", "al", MeasureAbove0), new("entli", "ent", MeasureAbove0),
        new("eli", "e", MeasureAbove0), new("ousli", "ous", MeasureAbove0),
        new("ization", "ize", MeasureAbove0), new("ation", "ate", MeasureAbove0), new("ator", "ate", MeasureAbove0),
        new("alism", "al", MeasureAbove0), new("iveness", "ive", MeasureAbove0), new("fulness", "ful", MeasureAbove0),
        new("ousness", "ous", MeasureAbove0),
        new("aliti", "al", MeasureAbove0), new("iviti", "ive", MeasureAbove0), new("biliti", "ble", MeasureAbove0),
    ];

    private static readonly Rule[] Step3 =
    [
        new("ical", "ic", MeasureAbove0), new("ness", "", MeasureAbove0), new("icate", "ic", MeasureAbove0),
        new("iciti", "ic", MeasureAbove0), new("ful", "", MeasureAbove0), new("ative", "", MeasureAbove0),
        new("alize", "al", MeasureAbove0),
    ];

    private static readonly Rule[] Step4 =
    [
        new("al", "", MeasureAbove1), new("ance", "", MeasureAbove1), new("ence", "", MeasureAbove1),
        new("er", "", MeasureAbove1), new("ic", "", MeasureAbove1), new("able", "", MeasureAbove1),
        new("ible", "", MeasureAbove1), new("ant", "", MeasureAbove1), new("ement", "", MeasureAbove1),
        new("ment", "", MeasureAbove1), new("ent", "", MeasureAbove1),
        new("ion", "", stem => stem[^1] is (byte)'s' or (byte)'t' && MeasureAbove1(stem)),
        new("ou", "", MeasureAbove1), new("ism", "", MeasureAbove1), new("ate", "", MeasureAbove1),
        new("iti", "", MeasureAbove1), new("ous", "", MeasureAbove1), new("ive", "", MeasureAbove1),
        new("ize", "", MeasureAbove1),
    ];

    /// <summary>The index term for a folded token (lower case, no diacritics), as FTS5's porter tokenizer makes it.</summary>
    public static string Stem(string token)
    {
        var length = Encoding.UTF8.GetByteCount(token);
        if (length is < 3 or > MaxTokenBytes)
        {
            return token;
        }

        Span<byte> word = stackalloc byte[MaxTokenBytes + 1]; // Step 1b may add an 'e'
        Encoding.UTF8.GetBytes(token, word);

        Step1A(word, ref length);
        if (Step1B(word, ref length))
        {
            Step1BCleanUp(word, ref length);
        }

        if (word[length - 1] == 'y' && HasVowel(word[..(length - 1)]))
        {
            word[length - 1] = (byte)'i';
        }

        Apply(Step2, word, ref length);
        Apply(Step3, word, ref length);
        Apply(Step4, word, ref length);

        if (word[length - 1] == 'e')
        {
            var stem = word[..(length - 1)];
            if (MeasureAbove1(stem) || (MeasureIs1(stem) && !EndsConsonantVowelConsonant(stem)))
            {
                length--;
            }
        }

        if (length > 1 && word[length - 1] == 'l' && word[length - 2] == 'l' && MeasureAbove1(word[..(length - 1)]))
        {
            length--;
        }

        return Encoding.UTF8.GetString(word[..length]);
    }

    /// <summary>Plurals: sses → ss, ies → i, s → (nothing), but ss stays.</summary>
    private static void Step1A(Span<byte> word, ref int length)
    {
        if (word[length - 1] != 's')
        {
            return;
        }

        if (word[length - 2] == 'e')
        {
            var ssesOrIes = (length > 4 && word[length - 4] == 's' && word[length - 3] == 's') || (length > 3 && word[length - 3] == 'i');
            length -= ssesOrIes ? 2 : 1;
        }
        else if (word[length - 2] != 's')
        {
            length--;
        }
    }

    /// <summary>eed → ee, ed and ing dropped after a vowel; true when ed or ing was dropped.</summary>
    private static bool Step1B(Span<byte> word, ref int length)
    {
        if (EndsWith(word, length, "eed"))
        {
            if (MeasureAbove0(word[..(length - 3)]))
            {
                length--;
            }

            return false;
        }

        var suffix = EndsWith(word, length, "ed") ? 2 : EndsWith(word, length, "ing") ? 3 : 0;
        if (suffix == 0 || !HasVowel(word[..(length - suffix)]))
        {
            return false;
        }

        length -= suffix;
        return true;
    }

    /// <summary>After ed or ing: at → ate, bl → ble, iz → ize; else undouble a final consonant, or add an e to a short word.</summary>
    private static void Step1BCleanUp(Span<byte> word, ref int length)
    {
        foreach (var (suffix, replacement) in Step1BEndings)
        {
            if (EndsWith(word, length, suffix))
            {
                Replace(word, ref length, suffix, replacement);
                return;
            }
        }

        var last = word[length - 1];
        if (length > 1 && !IsVowel(last, yIsVowel: false) && last is not ((byte)'l' or (byte)'s' or (byte)'z') && last == word[length - 2])
        {
            length--;
        }
        else if (MeasureIs1(word[..length]) && EndsConsonantVowelConsonant(word[..length]))
        {
            word[length++] = (byte)'e';
        }
    }

    private static void Apply(Rule[] rules, Span<byte> word, ref int length)
    {
        foreach (var rule in rules)
        {
            if (EndsWith(word, length, rule.Suffix))
            {
                if (rule.When(word[..(length - rule.Suffix.Length)]))
                {
                    Replace(word, ref length, rule.Suffix, rule.Replacement);
                }

                return;
            }
        }
    }

    /// <summary>FTS5 only looks at a suffix when something precedes it.</summary>
    private static bool EndsWith(ReadOnlySpan<byte> word, int length, string suffix)
    {
        if (length <= suffix.Length)
        {
            return false;
        }

        for (var i = 0; i < suffix.Length; i++)
        {
            if (word[length - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void Replace(Span<byte> word, ref int length, string suffix, string replacement)
    {
        length -= suffix.Length;
        foreach (var c in replacement)
        {
            word[length++] = (byte)c;
        }
    }

    /// <summary>A, e, i, o, u; y too after a consonant.</summary>
    private static bool IsVowel(byte c, bool yIsVowel) =>
        c is (byte)'a' or (byte)'e' or (byte)'i' or (byte)'o' or (byte)'u' || (yIsVowel && c == 'y');

    /// <summary>Where the first vowels-then-consonant sequence ends (0 when there is none).</summary>
    private static int AfterVowelConsonant(ReadOnlySpan<byte> stem, bool afterConsonant)
    {
        var consonant = afterConsonant;
        var i = 0;
        while (i < stem.Length && (consonant = !IsVowel(stem[i], consonant)))
        {
            i++;
        }

        for (i++; i < stem.Length; i++)
        {
            if (consonant = !IsVowel(stem[i], consonant))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Porter's m > 0: at least one vowel-consonant sequence.</summary>
    private static bool MeasureAbove0(ReadOnlySpan<byte> stem) => AfterVowelConsonant(stem, afterConsonant: false) > 0;

    private static bool MeasureAbove1(ReadOnlySpan<byte> stem)
    {
        var first = AfterVowelConsonant(stem, afterConsonant: false);
        return first > 0 && AfterVowelConsonant(stem[first..], afterConsonant: true) > 0;
    }

    private static bool MeasureIs1(ReadOnlySpan<byte> stem)
    {
        var first = AfterVowelConsonant(stem, afterConsonant: false);
        return first > 0 && AfterVowelConsonant(stem[first..], afterConsonant: true) == 0;
    }

    /// <summary>Porter's *o: consonant, vowel, consonant at the end, the last not w, x or y.</summary>
    private static bool EndsConsonantVowelConsonant(ReadOnlySpan<byte> stem)
    {
        if (stem[^1] is (byte)'w' or (byte)'x' or (byte)'y')
        {
            return false;
        }

        var pattern = 0;
        var consonant = false;
        foreach (var c in stem)
        {
            consonant = !IsVowel(c, consonant);
            pattern = ((pattern << 1) | (consonant ? 1 : 0)) & 0b111;
        }

        return pattern == 0b101;
    }

    /// <summary>Porter's *v*; FTS5 counts a y as a vowel anywhere but first.</summary>
    private static bool HasVowel(ReadOnlySpan<byte> stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (IsVowel(stem[i], yIsVowel: i > 0))
            {
                return true;
            }
        }

        return false;
    }
}
