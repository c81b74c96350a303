using NewsArchive.Core.Search.Query;

namespace NewsArchive.Core.Entities;

/// <summary>
/// A word of a paragraph as entity extraction sees it: its text as printed (hyphens and apostrophes inside kept,
/// a possessive 's cut off) and what stands between it and the word before.
/// </summary>
/// <param name="Break">Punctuation (or the start of the paragraph) comes before it: a name never runs across.</param>
/// <param name="SentenceStart">It opens a sentence or a quotation, so its capital says nothing.</param>
/// <param name="Possessive">It was written with 's: a name ends here.</param>
/// <param name="Parenthesised">It follows an opening parenthesis: "(IRGC)".</param>
internal sealed record NameToken(string Text, bool Break, bool SentenceStart, bool Possessive, bool Parenthesised)
{
    /// <summary>Lower-cased index words: "al-Maliki" is "al maliki", "U.S." is "u s".</summary>
    public string Key { get; } = Gazetteer.Key(QueryLexer.IndexWords(Text).Split(' '));

    public string Lower { get; } = Text.ToLowerInvariant();

    /// <summary>Starts with a capital, or with a particle and a hyphen before one ("al-Maliki").</summary>
    public bool Capitalised { get; init; }

    /// <summary>Starts with a lower-case letter and is no name ("al-Maliki" is one).</summary>
    public bool IsLower => char.IsLower(Text[0]) && !Capitalised;

    /// <summary>Two letters or more, all capitals: an acronym ("IRGC", "US").</summary>
    public bool AllCaps => Text.Count(char.IsLetter) >= 2 && !Text.Any(char.IsLower);

    /// <summary>
    /// The words of a paragraph. A hyphenated word is one token when it is a name ("al-Maliki", "Jean-Pierre",
    /// "Guinea-Bissau") and split when it joins known names or ordinary words ("Iran-Iraq", "anti-Daesh", "US-led").
    /// </summary>
    public static List<NameToken> Of(string paragraph, Gazetteer gazetteer)
    {
        var tokens = new List<NameToken>();
        // Some corpora lost every apostrophe: "Syrias Quneitra" is then Syria's.
        var apostrophes = paragraph.AsSpan().IndexOfAny('\'', '’') >= 0;
        var brk = true;
        var sentence = true;
        var parenthesised = false;
        for (var i = 0; i < paragraph.Length;)
        {
            var c = paragraph[i];
            if (char.IsLetterOrDigit(c))
            {
                var (word, possessive, next) = ReadWord(paragraph, i, apostrophes, gazetteer);
                // "Deir Ezzors northern countryside": the same for a known place of two words.
                if (!apostrophes && !possessive && !brk && tokens.Count > 0 && word.Length > 3 && word.EndsWith('s')
                    && gazetteer.Name($"{tokens[^1].Key} {word[..^1].ToLowerInvariant()}") is { Kind: EntityKind.Place })
                {
                    (word, possessive) = (word[..^1], true);
                }

                foreach (var (part, first) in Parts(word, gazetteer))
                {
                    tokens.Add(new NameToken(part, brk || !first, sentence && first, possessive, parenthesised && first)
                    {
                        Capitalised = char.IsUpper(part[0]) || NameAfterParticle(part, gazetteer),
                    });
                }

                brk = possessive;
                sentence = false;
                parenthesised = false;
                i = next;
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                brk = true;
                var opensQuote = c is '“' or '‘' or '«' || (c is '"' or '\'' && i + 1 < paragraph.Length && char.IsLetter(paragraph[i + 1]));
                var dash = c is '-' or '–' or '—' && i > 0 && char.IsWhiteSpace(paragraph[i - 1]);
                if (c is '.' or '!' or '?' or ':' || opensQuote || dash)
                {
                    sentence = true;
                }

                parenthesised = c == '(';
            }

            i++;
        }

        return tokens;
    }

    /// <summary>A word from <paramref name="start"/>: letters and digits joined by hyphens, apostrophes ("Qa'ani"), dots of initials ("U.S."), or an ampersand ("AT&amp;T").</summary>
    private static (string Word, bool Possessive, int Next) ReadWord(string text, int start, bool apostrophes, Gazetteer gazetteer)
    {
        var i = start;
        while (true)
        {
            var segment = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]))
            {
                break;
            }

            var joiner = text[i];
            if (joiner is '\'' or '’' && text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                return (text[start..i], true, i + 2);
            }

            var initials = joiner == '.' && i - segment == 1 && char.IsUpper(text[i - 1]) && char.IsUpper(text[i + 1]);
            var ampersand = joiner == '&' && char.IsUpper(text[i - 1]) && char.IsUpper(text[i + 1]);
            if (joiner is '-' or '‐' or '\'' or '’' || initials || ampersand)
            {
                i++;
                continue;
            }

            break;
        }

        var word = text[start..i];
        // Takfiris' : a plural's possessive.
        if (i < text.Length && text[i] is '\'' or '’' && word.EndsWith('s') && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
        {
            return (word, true, i + 1);
        }

        if (!apostrophes && word.Length > 4 && word.EndsWith('s') && gazetteer.Name(word.ToLowerInvariant()) is null && gazetteer.Name(word[..^1].ToLowerInvariant()) is { Kind: EntityKind.Place })
        {
            return (word[..^1], true, i);
        }

        // The full stop of "Mr.", "U.S." or an initial is part of the word, not the end of a sentence; initials keep it.
        if (i < text.Length && text[i] == '.')
        {
            if (word.Length == 1 && char.IsUpper(word[0]) || word.Contains('.'))
            {
                return (word + ".", false, i + 1);
            }

            if (gazetteer.In("abbreviations", word.ToLowerInvariant()))
            {
                return (word, false, i + 1);
            }
        }

        return (word, false, i);
    }

    /// <summary>The tokens of a hyphenated word, each with whether it is the first.</summary>
    private static IEnumerable<(string Part, bool First)> Parts(string word, Gazetteer gazetteer)
    {
        if (!word.Contains('-') || gazetteer.Name(Gazetteer.Key(QueryLexer.IndexWords(word).Split(' '))) is not null)
        {
            yield return (word, true);
            yield break;
        }

        // Ordinary lower-case parts stand alone; a particle holds on to the part after it; capitalised parts stay
        // together unless every one of them is a known name.
        var pieces = new List<string>();
        var pending = "";
        foreach (var part in word.Split('-', '‐').Where(p => p.Length > 0))
        {
            if (char.IsLower(part[0]) && !gazetteer.In("hyphen particles", part.ToLowerInvariant()))
            {
                if (pending.Length > 0)
                {
                    pieces.Add(pending);
                    pending = "";
                }

                pieces.Add(part);
            }
            else
            {
                pending = pending.Length == 0 ? part : $"{pending}-{part}";
            }
        }

        if (pending.Length > 0)
        {
            pieces.Add(pending);
        }

        var first = true;
        foreach (var piece in pieces)
        {
            var names = piece.Split('-');
            if (names.Length > 1 && names.All(n => gazetteer.Name(n.ToLowerInvariant()) is not null))
            {
                foreach (var name in names)
                {
                    yield return (name, first);
                    first = false;
                }
            }
            else
            {
                yield return (piece, first);
                first = false;
            }
        }
    }

    private static bool NameAfterParticle(string word, Gazetteer gazetteer)
    {
        var hyphen = word.IndexOfAny(['-', '‐']);
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsUpper(word[hyphen + 1]) && gazetteer.In("hyphen particles", word[..hyphen].ToLowerInvariant());
    }
}
