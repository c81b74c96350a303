using NewsArchive.Core.Parsing;
using NewsArchive.Core.Search.Query;

namespace NewsArchive.Core.Entities;

/// <summary>
/// Finds the people, places and organisations an article names, by rules and the <see cref="Gazetteer"/>: no model.
/// Pure: text in, entities out. Each paragraph is read word by word, and at each word the first rule that applies wins:
/// <list type="number">
/// <item>a title ("Prime Minister", "Brigadier General", "Mr.", "economist") introduces a person's name;</item>
/// <item>a place or organisation of the gazetteer is that, under the name it shows ("Daesh" is Islamic State);</item>
/// <item>a run of capitalised words no list knows is an organisation when it ends in an organisation word ("Islamic
/// Dawa Party"), a place when it ends in a place word or starts with a direction ("North Khorassan"), or the words
/// around it say so ("the Al-Jarida newspaper", "the town of Balad", "in Khalidiya"); otherwise two to four such words,
/// none of them an ordinary English word, are a person ("Alireza Enayati").</item>
/// </list>
/// Precision comes first: a capitalised ordinary word that opens a sentence, a month, a weekday, a nationality or an
/// outlet's own name is never an entity, and a lone capitalised word counts only as a further mention of a name
/// the article gives in full ("Enayati" after "Alireza Enayati") or of an acronym it spells out. See docs/entities.md.
/// </summary>
public sealed class EntityExtractor(Gazetteer gazetteer)
{
    /// <summary>Entities kept per article, the most mentioned first: a long article names many in passing.</summary>
    public const int MaxPerArticle = 50;

    private static readonly Lazy<EntityExtractor> ShippedExtractor = new(() => new EntityExtractor(Gazetteer.Shipped));

    /// <summary>The extractor with the gazetteer shipped beside the app.</summary>
    public static EntityExtractor Shipped => ShippedExtractor.Value;

    /// <summary>The entities of a parsed article.</summary>
    public IReadOnlyList<FoundEntity> Extract(ParsedArticle article) =>
        Extract(article.Title, article.TitleDerived, article.Summary, article.Paragraphs, article.Outlet);

    /// <summary>The entities of an article's parts, parsed or stored: a title taken from its first sentence is not read twice.</summary>
    public IReadOnlyList<FoundEntity> Extract(string title, bool titleDerived, string? summary, IReadOnlyList<string> paragraphs, string outlet) =>
        Extract(titleDerived ? "" : title, summary is { } lead ? [lead, .. paragraphs] : paragraphs, outlet);

    /// <summary>
    /// The entities of a headline and its paragraphs, most mentioned first. The headline only adds mentions of names
    /// the gazetteer knows or the paragraphs give: in a capitalised headline every run of words would look like a name.
    /// </summary>
    public IReadOnlyList<FoundEntity> Extract(string title, IEnumerable<string> paragraphs, string? outlet = null)
    {
        var found = new Mentions(gazetteer);
        var tokens = new List<NameToken>();
        foreach (var paragraph in paragraphs.Where(p => p.Any(char.IsLower)))
        {
            NameToken.Of(paragraph, gazetteer, tokens);
            for (var i = 0; i < tokens.Count;)
            {
                i = Next(tokens, i, found);
            }
        }

        if (title.Any(char.IsLower))
        {
            Headline(NameToken.Of(title, gazetteer, tokens), found);
        }

        return found.Resolve(outlet, MaxPerArticle);
    }

    /// <summary>In the headline, the longest name the paragraphs gave or the gazetteer knows at each word; other words may be short forms.</summary>
    private void Headline(List<NameToken> tokens, Mentions found)
    {
        // "Dina Habib Powell" and "Dina Habib-Powell" have one key: the first found stands for both.
        var given = found.Names.DistinctBy(Key, StringComparer.Ordinal).ToDictionary(Key, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count;)
        {
            if (!tokens[i].Capitalised)
            {
                i++;
                continue;
            }

            var known = Known(tokens, i, out var knownLength);
            var (name, length) = (default(string), 0);
            var key = "";
            for (var k = i; k < tokens.Count && k - i < 6 && (k == i || !tokens[k].Break); k++)
            {
                key = k == i ? tokens[k].Key : $"{key} {tokens[k].Key}";
                if (given.TryGetValue(key, out var match))
                {
                    (name, length) = (match, k - i + 1);
                }
            }

            if (name is not null && length >= knownLength)
            {
                found.Repeat(name);
                i += length;
            }
            else if (known is not null)
            {
                found.Add(known.Kind, known.Name, Evidence.Known);
                i += knownLength;
            }
            else
            {
                found.AddLoose(tokens[i].Text);
                i++;
            }
        }
    }

    /// <summary>Applies the first rule that fits at <paramref name="i"/>; returns where to go on.</summary>
    private int Next(List<NameToken> tokens, int i, Mentions found)
    {
        var token = tokens[i];
        var title = TitleLength(tokens, i);
        var known = Known(tokens, i, out var knownLength);
        if (title > 0 && title >= knownLength)
        {
            return Titled(tokens, i + title, found);
        }

        // "Karaj al-Hajz corridor": a known place with an Arabic name after it is part of another name.
        if (known is { Kind: EntityKind.Place } && i + knownLength < tokens.Count && tokens[i + knownLength] is { Break: false, Capitalised: true } after
            && char.IsLower(after.Text[0]) && !tokens[i + knownLength - 1].Possessive)
        {
            known = null;
        }

        if (known is not null)
        {
            var end = i + knownLength;
            // "Union Pacific Corp", "Chicago Board of Trade", "Mashhad International Airport": a known name opens a longer one.
            if (known.Kind != EntityKind.Person && !tokens[end - 1].Possessive && RunEnd(tokens, i, end) is var (longer, connected) && longer > end
                && (connected || IsOrganisationWord(tokens[longer - 1]) || IsPlaceWord(tokens[longer - 1])))
            {
                // "Merrill Lynch and Co Inc" is Merrill Lynch.
                if (tokens.GetRange(end, longer - end).All(t => IsCompanySuffix(t) || t.Is("and")))
                {
                    found.Add(known.Kind, known.Name, Evidence.Known);
                }
                else
                {
                    var place = !connected && IsPlaceWord(tokens[longer - 1]);
                    found.Add(place ? EntityKind.Place : EntityKind.Organisation, place ? Text(tokens, i, longer) : CompanyName(tokens, i, longer), Evidence.Word);
                }

                return longer;
            }

            var acronym = Acronym(tokens, end);
            found.Add(known.Kind, known.Name, Evidence.Known, acronym);
            return acronym is null ? end : end + 1;
        }

        if (!token.Capitalised || IsNotName(token) || (token.SentenceStart && token.Has(WordClass.Common)))
        {
            return i + 1;
        }

        return Run(tokens, i, found);
    }

    /// <summary>After a title: more titles, "of" or "to" a known place or organisation, then the person's name.</summary>
    private int Titled(List<NameToken> tokens, int j, Mentions found)
    {
        while (j < tokens.Count && !tokens[j].Break)
        {
            if (TitleLength(tokens, j) is var more && more > 0)
            {
                j += more;
                continue;
            }

            if (tokens[j].Is("of") || tokens[j].Is("to") || tokens[j].Is("for"))
            {
                var k = j + 1 < tokens.Count && tokens[j + 1].Is("the") ? j + 2 : j + 1;
                if (k < tokens.Count && Known(tokens, k, out var length) is { } known)
                {
                    found.Add(known.Kind, known.Name, Evidence.Known);
                    j = k + length;
                    continue;
                }
            }

            break;
        }

        var name = j < tokens.Count && !tokens[j].Break ? NameLength(tokens, j) : 0;
        if (name > 0)
        {
            found.Add(EntityKind.Person, Text(tokens, j, j + name), Evidence.Title);
        }

        return j + name;
    }

    /// <summary>How many tokens from <paramref name="start"/> make a person's name: up to four capitalised words, with particles between them.</summary>
    private int NameLength(List<NameToken> tokens, int start)
    {
        var words = new List<NameToken>();
        var end = start;
        for (var k = start; k < tokens.Count && words.Count < 4; k++)
        {
            var token = tokens[k];
            if (k > start && token.Break)
            {
                break;
            }

            if (token.IsLower)
            {
                if (IsParticle(token) && Continues(tokens, k + 1))
                {
                    continue;
                }

                break;
            }

            if (!token.Capitalised || IsNotName(token) || IsDemonym(token) || (k > start && TitleLength(tokens, k) > 0))
            {
                break;
            }

            // A known place may close a name ("Vernon Jordan said"), never open one; a known person is a name ("President Reagan").
            if (Known(tokens, k, out var length) is { } known && known.Kind != EntityKind.Person && !(k > start && known.Kind == EntityKind.Place && length == 1 && EndsName(tokens, k + 1)))
            {
                break;
            }

            words.Add(token);
            end = k + 1;
            if (token.Possessive)
            {
                break;
            }
        }

        return words.Count == 0 || IsOrganisationWord(words[^1]) || IsPlaceWord(words[^1]) || words.All(w => w.Has(WordClass.Common))
            ? 0
            : end - start;
    }

    /// <summary>A run of capitalised words from <paramref name="start"/> that no list knows, then what it is.</summary>
    private int Run(List<NameToken> tokens, int start, Mentions found)
    {
        var (end, connected) = RunEnd(tokens, start, start + 1);
        var acronym = Acronym(tokens, end);
        Classify(tokens, start, end, connected, acronym, found);
        return acronym is null ? end : end + 1;
    }

    /// <summary>
    /// Where a run of capitalised words that starts at <paramref name="start"/> ends, looking from <paramref name="from"/>:
    /// over particles ("Salim al-Jabouri"), over "of" or "for" after an organisation word ("Bank of Japan", "Observatory
    /// for Human Rights"), over "and" to an organisation word ("Tire and Rubber Co"). A title or a known name ends it,
    /// unless the known name is a person's ("Melania Trump"), closes a first name ("Vernon Jordan"), or opens an
    /// organisation's ("Union Pacific Corp"). Connected: it went over "of" or "for".
    /// </summary>
    private (int End, bool Connected) RunEnd(List<NameToken> tokens, int start, int from)
    {
        var end = from;
        var connected = false;
        var afterConnector = false;
        for (var k = from; k < tokens.Count && !tokens[end - 1].Possessive; k++)
        {
            var token = tokens[k];
            if (token.Break)
            {
                break;
            }

            if (token.IsLower)
            {
                if (IsParticle(token) && Continues(tokens, k + 1))
                {
                    continue;
                }

                // "Tire and Rubber Co" goes on; "Texaco Inc and Pennzoil Co", "Daesh and al-Nusra Front" are two.
                if (token.Is("and") && !afterConnector && !IsCompanySuffix(tokens[end - 1]) && Known(tokens, k + 1, out _) is null
                    && OrganisationAhead(tokens, k + 1) is var ahead && ahead > 0)
                {
                    end = ahead;
                    k = end - 1;
                    continue;
                }

                var organisation = afterConnector ? token.Is("the") : !token.Is("the") && IsOrganisationWord(tokens[end - 1]);
                if (organisation && token.Has(WordClass.Connector) && (Continues(tokens, k + 1) || (k + 1 < tokens.Count && tokens[k + 1].Is("the"))))
                {
                    afterConnector = true;
                    continue;
                }

                break;
            }

            if (!token.Capitalised || IsNotName(token))
            {
                break;
            }

            var known = Known(tokens, k, out var length);
            // "the Goldhirsh Group of Boston": after a name that is already specific, "of" and a known place say where it is.
            if (afterConnector && known is { Kind: EntityKind.Place } && EndsName(tokens, k + length) && AnyWord(tokens, start, end, Specific))
            {
                break;
            }

            if (afterConnector)
            {
                // "University of Tehran": after the connector, even a known name is part of this one.
                end = k + Math.Max(1, length);
                k = end - 1;
                afterConnector = false;
                connected = true;
                continue;
            }

            // "anti-Assad Syrian Observatory": a nationality after a name opens another, unless an ordinary word leads to it ("Royal Saudi Air Force").
            if (TitleLength(tokens, k) > 0 || (IsDemonym(token) && !IsDemonym(tokens[end - 1]) && Specific(tokens[end - 1])))
            {
                break;
            }

            if (known is not null)
            {
                var goesOn = known.Kind == EntityKind.Person
                    || (known.Kind == EntityKind.Place && length == 1 && k == start + 1 && PersonLike(tokens[start]) && EndsName(tokens, k + 1))
                    || (!tokens[k + length - 1].Possessive && NameAhead(tokens, k + length) is not null);
                if (!goesOn)
                {
                    break;
                }

                end = k + length;
                k = end - 1;
                continue;
            }

            end = k + 1;
        }

        return (end, connected);
    }

    private void Classify(List<NameToken> tokens, int start, int end, bool connected, string? acronym, Mentions found)
    {
        // "Al Arabiya Syrian National Coalition": an outlet's name in front is its byline, not part of the name.
        for (var k = Math.Min(end - 1, start + 3); k > start && tokens[start].Has(WordClass.OutletStart); k--)
        {
            if (OutletCatalog.TryFind(Text(tokens, start, k), out _))
            {
                start = k;
                break;
            }
        }

        var words = Words(tokens, start, end);
        if (words.Count >= 2 && (connected || IsOrganisationWord(words[^1])))
        {
            // "Foreign Ministry" or "Central Bank" names a different body in every country: only a specific name counts.
            if (words.Any(w => Specific(w) || IsDemonym(w)))
            {
                found.Add(EntityKind.Organisation, CompanyName(tokens, start, end), Evidence.Word, acronym);
            }

            return;
        }

        // A nationality starts only an organisation's name.
        while (start < end && IsDemonym(tokens[start]))
        {
            start++;
        }

        words = Words(tokens, start, end);
        if (words.Count == 0)
        {
            return;
        }

        var specific = words.Any(Specific);
        var text = Text(tokens, start, end);
        if (words.Count >= 2 && specific && (IsPlaceWord(words[^1]) || words[0].Has(WordClass.PlaceStart)))
        {
            found.Add(EntityKind.Place, text, Evidence.Word, acronym);
        }
        else if (specific && !words.Any(w => w.AllCaps) && Context(tokens, start, end) is { } kind)
        {
            found.Add(kind, text, Evidence.Context, acronym);
        }
        else if (words.Count == 1)
        {
            found.AddLoose(text);
        }
        else if (words.Count <= 4 && words.All(PersonLike) && !tokens[start].Parenthesised && !char.IsLower(tokens[start].Text[0]))
        {
            found.Add(EntityKind.Person, text, Evidence.Pattern, acronym);
        }
    }

    /// <summary>The end of a run of up to four capitalised words from <paramref name="start"/> that ends in an organisation word, or 0.</summary>
    private int OrganisationAhead(List<NameToken> tokens, int start) =>
        NameAhead(tokens, start) is (var end, EntityKind.Organisation) ? end : 0;

    /// <summary>A run of up to four capitalised words from <paramref name="start"/> ending in an organisation or place word: its end and kind.</summary>
    private (int End, EntityKind Kind)? NameAhead(List<NameToken> tokens, int start)
    {
        for (var k = start; k < tokens.Count && k < start + 4 && tokens[k] is { Capitalised: true, Break: false } word && !IsNotName(word) && TitleLength(tokens, k) == 0; k++)
        {
            if (IsOrganisationWord(word))
            {
                return (k + 1, EntityKind.Organisation);
            }

            if (IsPlaceWord(word))
            {
                return (k + 1, EntityKind.Place);
            }

            if (word.Possessive)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>What the words right around a name say it is: "the X newspaper", "X province", "the town of X", "in X".</summary>
    private static EntityKind? Context(List<NameToken> tokens, int start, int end)
    {
        if (end < tokens.Count && tokens[end] is { Break: false, IsLower: true } after)
        {
            if (after.Has(WordClass.OrganisationNoun))
            {
                return EntityKind.Organisation;
            }

            if (after.Has(WordClass.PlaceNoun))
            {
                return EntityKind.Place;
            }
        }

        if (start == 0 || tokens[start].Break || tokens[end - 1].Possessive)
        {
            return null;
        }

        var before = tokens[start - 1];
        var ofPlace = before.Is("of") && start >= 2 && !tokens[start - 1].Break && tokens[start - 2].Has(WordClass.PlaceNoun);
        // "in" comes before people too ("faith in Tony Blair"): it marks a place of one word, or of an Arabic form
        // ("in Jurf al-Sakher"), that ends the phrase ("in Balad on Thursday", not "in Assad regime airstrikes").
        var ends = end == tokens.Count || tokens[end].Break || tokens[end].Has(WordClass.AfterPlace);
        var inPlace = before.Has(WordClass.BeforePlace) && ends
            && (!before.Is("in") || end - start == 1 || Enumerable.Range(start, end - start).Any(k => IsParticle(tokens[k]) || tokens[k].Text.Contains('-')));
        return ofPlace || inPlace ? EntityKind.Place : null;
    }

    private static string Key(string name) => Gazetteer.Key(QueryLexer.IndexWords(name).Split(' '));

    /// <summary>How many tokens from <paramref name="start"/> spell a title in the case it allows; 0 when none does.</summary>
    private int TitleLength(List<NameToken> tokens, int start)
    {
        if (!tokens[start].MayStartTitle)
        {
            return 0;
        }

        var best = 0;
        var key = "";
        for (var k = start; k < tokens.Count && k - start < gazetteer.LongestName; k++)
        {
            if (k > start && tokens[k].Break)
            {
                break;
            }

            key = k == start ? tokens[k].Key : $"{key} {tokens[k].Key}";
            if (!gazetteer.IsTitlePrefix(key))
            {
                break;
            }

            if (gazetteer.Title(key) is { } anyCase && (anyCase || tokens[start].Capitalised))
            {
                best = k - start + 1;
            }
        }

        return best;
    }

    /// <summary>The longest place or organisation of the gazetteer spelled from <paramref name="start"/>, written in a case it allows.</summary>
    private KnownName? Known(List<NameToken> tokens, int start, out int length)
    {
        length = 0;
        if (start >= tokens.Count || (!tokens[start].Capitalised && !IsParticle(tokens[start])) || !tokens[start].MayStartName)
        {
            return null;
        }

        KnownName? best = null;
        var key = "";
        for (var k = start; k < tokens.Count && k - start < gazetteer.LongestName; k++)
        {
            if (k > start && (tokens[k].Break || tokens[k - 1].Possessive))
            {
                break;
            }

            key = k == start ? tokens[k].Key : $"{key} {tokens[k].Key}";
            if (!gazetteer.IsNamePrefix(key))
            {
                break;
            }

            if (gazetteer.Name(key) is { } known && CaseFits(known, tokens, start, k + 1))
            {
                best = known;
                length = k - start + 1;
            }
        }

        return best;
    }

    /// <summary>
    /// Whether the text writes a gazetteer name in a case it allows: a lower-case word of the name in any case, a short
    /// acronym exactly ("US", never "us" or "Us"), a longer one in capitals or capitalised ("NATO", "Nato"), any other
    /// word capitalised. An ordinary word opening a sentence is not the name ("Turkey" is, "Total" is not).
    /// </summary>
    private static bool CaseFits(KnownName known, List<NameToken> tokens, int start, int end)
    {
        if (end - start == 1 && tokens[start].SentenceStart && !tokens[start].AllCaps && tokens[start].Has(WordClass.Common))
        {
            return false;
        }

        // The text's index words (runs of letters and digits), side by side with the name's.
        var w = 0;
        for (var k = start; k < end; k++)
        {
            var text = tokens[k].Text.AsSpan();
            for (var i = 0; i < text.Length;)
            {
                var length = 0;
                while (i + length < text.Length && char.IsLetterOrDigit(text[i + length]))
                {
                    length++;
                }

                if (length > 0 && (w >= known.Words.Length || !WordFits(known.Words[w++], text.Slice(i, length))))
                {
                    return false;
                }

                i += Math.Max(length, 1);
            }
        }

        return w == known.Words.Length;
    }

    private static bool WordFits(string name, ReadOnlySpan<char> text)
    {
        if (!name.Any(char.IsUpper))
        {
            return true;
        }

        if (!name.Any(char.IsLower))
        {
            return name.Length <= 3 ? text.SequenceEqual(name) : char.IsUpper(text[0]);
        }

        return char.IsUpper(name[0]) ? char.IsUpper(text[0]) : text.SequenceEqual(name);
    }

    /// <summary>"(IRGC)" right after a name spells it out: the acronym then counts as that name.</summary>
    private static string? Acronym(List<NameToken> tokens, int end) =>
        end < tokens.Count && tokens[end] is { Parenthesised: true, AllCaps: true } acronym && (end + 1 == tokens.Count || tokens[end + 1].Break)
            ? acronym.Text
            : null;

    /// <summary>A word that tells one name from another: not an ordinary word, nationality, or word for a kind of place or organisation.</summary>
    private bool Specific(NameToken word) =>
        !word.Has(WordClass.Common | WordClass.OrganisationWord | WordClass.PlaceWord | WordClass.PlaceStart) && !IsDemonym(word);

    /// <summary>A word that may belong to a person's name: capitalised, specific, no acronym.</summary>
    private bool PersonLike(NameToken token) =>
        token.Capitalised && !token.AllCaps && Specific(token);

    private static bool Continues(List<NameToken> tokens, int k) => k < tokens.Count && tokens[k] is { Capitalised: true, Break: false };

    private static bool EndsName(List<NameToken> tokens, int k) => k >= tokens.Count || tokens[k].Break || !tokens[k].Capitalised;

    private static bool IsNotName(NameToken token) => token.Has(WordClass.NotName);

    /// <summary>A nationality, or its plural ("Koreans").</summary>
    private bool IsDemonym(NameToken token) =>
        token.Has(WordClass.Demonym) || (token.Text.EndsWith('s') && gazetteer.In("demonyms", token.Text.AsSpan(0, token.Text.Length - 1)));

    private static bool IsParticle(NameToken token) => token.IsLower && token.Has(WordClass.Particle);

    private static bool IsOrganisationWord(NameToken token) => token.Has(WordClass.OrganisationWord);

    private static bool IsPlaceWord(NameToken token) => token.Has(WordClass.PlaceWord);

    /// <summary>Whether a capitalised word of the run (particles and connectors aside) is so.</summary>
    private static bool AnyWord(List<NameToken> tokens, int start, int end, Func<NameToken, bool> test)
    {
        for (var k = start; k < end; k++)
        {
            if (tokens[k].Capitalised && test(tokens[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The capitalised words of a run, without its particles and connectors.</summary>
    private static List<NameToken> Words(List<NameToken> tokens, int start, int end)
    {
        var words = new List<NameToken>(end - start);
        for (var k = start; k < end; k++)
        {
            if (tokens[k].Capitalised)
            {
                words.Add(tokens[k]);
            }
        }

        return words;
    }

    private static string Text(List<NameToken> tokens, int start, int end) =>
        end - start == 1 ? tokens[start].Text : string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Text));

    /// <summary>An organisation's name without its legal form ("Kroger Co" is Kroger), unless nothing specific would be left.</summary>
    private string CompanyName(List<NameToken> tokens, int start, int end)
    {
        var last = end;
        while (last - 1 > start && (IsCompanySuffix(tokens[last - 1]) || tokens[last - 1].Is("and")))
        {
            last--;
        }

        return AnyWord(tokens, start, last, w => Specific(w) || IsOrganisationWord(w)) ? Text(tokens, start, last) : Text(tokens, start, end);
    }

    private static bool IsCompanySuffix(NameToken token) => token.Has(WordClass.CompanySuffix);
}

/// <summary>How a name's kind was found, weakest first: the strongest evidence among its mentions decides.</summary>
internal enum Evidence
{
    Pattern = 1,
    Context = 2,
    Word = 3,
    Title = 4,
    Known = 5,
}
