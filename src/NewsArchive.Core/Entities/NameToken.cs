using NewsArchive.Core.Search.Query;

namespace NewsArchive.Core.Entities;

/// <summary>
/// A word of a paragraph as entity extraction sees it: its text as printed (hyphens and apostrophes inside kept,
/// a possessive 's cut off) and what stands between it and the word before.
/// </summary>
internal readonly struct NameToken(string text, bool brk, bool sentenceStart, bool possessive, bool parenthesised, bool capitalised, WordClass classes)
{
    public string Text { get; } = text;

    /// <summary>What the gazetteer's lists say the word is.</summary>
    public WordClass Classes { get; } = classes;

    /// <summary>Punctuation (or the start of the paragraph) comes before it: a name never runs across.</summary>
    public bool Break { get; } = brk;

    /// <summary>It opens a sentence or a quotation, so its capital says nothing.</summary>
    public bool SentenceStart { get; } = sentenceStart;

    /// <summary>It was written with 's: a name ends here.</summary>
    public bool Possessive { get; } = possessive;

    /// <summary>It follows an opening parenthesis: "(IRGC)".</summary>
    public bool Parenthesised { get; } = parenthesised;

    /// <summary>Starts with a capital, or with a particle and a hyphen before one ("al-Maliki").</summary>
    public bool Capitalised { get; } = capitalised;

    /// <summary>Letters and digits only: its first index word is the text itself.</summary>
    public bool Plain { get; } = !text.AsSpan().ContainsAnyExcept(Gazetteer.LettersAndDigits);

    /// <summary>Lower-cased index words: "al-Maliki" is "al maliki", "U.S." is "u s" (a word already in lower case is its own key).</summary>
    public string Key { get; } = text.AsSpan().ContainsAnyExcept(Gazetteer.LettersAndDigits)
        ? Gazetteer.Key(QueryLexer.IndexWords(text).Split(' '))
        : text.ToLowerInvariant();

    /// <summary>Whether it is this word, in any case.</summary>
    public bool Is(string word) => Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the lists say it is any of these.</summary>
    public bool Has(WordClass what) => (Classes & what) != 0;

    /// <summary>Whether a listed name may start with this word: where most words stop looking.</summary>
    public bool MayStartName => !Plain || Has(WordClass.NameStart);

    public bool MayStartTitle => !Plain || Has(WordClass.TitleStart);

    /// <summary>Starts with a lower-case letter and is no name ("al-Maliki" is one).</summary>
    public bool IsLower => char.IsLower(Text[0]) && !Capitalised;

    /// <summary>Two letters or more, all capitals: an acronym ("IRGC", "US").</summary>
    public bool AllCaps
    {
        get
        {
            var letters = 0;
            foreach (var c in Text)
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters += char.IsLetter(c) ? 1 : 0;
            }

            return letters >= 2;
        }
    }

    /// <summary>
    /// The words of a paragraph, in a list the caller may reuse. A hyphenated word is one token when it is a name ("al-Maliki", "Jean-Pierre",
    /// "Guinea-Bissau") and split when it joins known names or ordinary words ("Iran-Iraq", "anti-Daesh", "US-led").
    /// </summary>
    public static List<NameToken> Of(string paragraph, Gazetteer gazetteer, List<NameToken> tokens)
    {
        tokens.Clear();
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

                if (word.Contains('-'))
                {
                    foreach (var (part, first) in Parts(word, gazetteer))
                    {
                        tokens.Add(new NameToken(part, brk || !first, sentence && first, possessive, parenthesised && first, char.IsUpper(part[0]) || NameAfterParticle(part, gazetteer), gazetteer.Classes(part)));
                    }
                }
                else
                {
                    tokens.Add(new NameToken(word, brk, sentence, possessive, parenthesised, char.IsUpper(word[0]), gazetteer.Classes(word)));
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
                return (gazetteer.Word(text.AsSpan(start, i - start)).Word, true, i + 2);
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

        var word = gazetteer.Word(text.AsSpan(start, i - start)).Word;
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

            if (gazetteer.In("abbreviations", word))
            {
                return (word, false, i + 1);
            }
        }

        return (word, false, i);
    }

    /// <summary>The tokens of a hyphenated word, each with whether it is the first.</summary>
    private static IEnumerable<(string Part, bool First)> Parts(string word, Gazetteer gazetteer)
    {
        if (gazetteer.Name(Gazetteer.Key(QueryLexer.IndexWords(word).Split(' '))) is not null)
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
            if (char.IsLower(part[0]) && !gazetteer.In("hyphen particles", part))
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
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsUpper(word[hyphen + 1]) && gazetteer.In("hyphen particles", word.AsSpan(0, hyphen));
    }
}
