using NewsArchive.Core.Parsing;
using NewsArchive.Core.Search.Query;

namespace NewsArchive.Core.Entities;

/// <summary>
/// What entity extraction knows beforehand, read from data files: places, organisations and people by name
/// (<c>entities/places.txt</c>, <c>organisations.txt</c>, <c>people.txt</c>), the titles that introduce a person
/// (<c>entities/titles.txt</c>), the words that decide what a capitalised name is (<c>entities/words.txt</c>), the
/// ordinary English words (<c>entities/common-words.txt</c>), and the search's alias list (<c>aliases.txt</c>), whose
/// names of one entity fold into its first. Names are looked up by key: the index's words, lower-cased, joined by spaces.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> ShippedGazetteer = new(() => Load(AppContext.BaseDirectory));

    private readonly Dictionary<string, KnownName> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> namePrefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> titles = new(StringComparer.Ordinal);
    private readonly HashSet<string> titlePrefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> folded = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, WordClass> Sections = new(StringComparer.Ordinal)
    {
        ["not names"] = WordClass.NotName,
        ["demonyms"] = WordClass.Demonym,
        ["organisation words"] = WordClass.OrganisationWord,
        ["company suffixes"] = WordClass.CompanySuffix,
        ["place words"] = WordClass.PlaceWord,
        ["place starts"] = WordClass.PlaceStart,
        ["before places"] = WordClass.BeforePlace,
        ["after places"] = WordClass.AfterPlace,
        ["place nouns"] = WordClass.PlaceNoun,
        ["organisation nouns"] = WordClass.OrganisationNoun,
        ["particles"] = WordClass.Particle,
        ["hyphen particles"] = WordClass.HyphenParticle,
        ["connectors"] = WordClass.Connector,
        ["abbreviations"] = WordClass.Abbreviation,
        ["generic words"] = WordClass.Common,
    };

    // Every word any list or section names, with all it is: one lookup per word of a text answers every question about it.
    private readonly Dictionary<string, WordClass> classes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> classOf;

    private Gazetteer(string places, string organisations, string people, string titleList, string words, string commonWords, AliasList aliases)
    {
        Add(AliasList.Parse(places), EntityKind.Place);
        Add(AliasList.Parse(organisations), EntityKind.Organisation);
        Add(AliasList.Parse(people), EntityKind.Person);
        foreach (var (aliasWords, first) in aliases.Names)
        {
            folded.TryAdd(Key(aliasWords), first);
        }

        foreach (var key in names.Keys)
        {
            Mark(key.Split(' ')[0], WordClass.NameStart);
        }

        foreach (var outlet in OutletCatalog.Names)
        {
            Mark(QueryLexer.IndexWords(outlet).Split(' ')[0], WordClass.OutletStart);
        }

        foreach (var title in Lines(titleList))
        {
            var key = Key(QueryLexer.IndexWords(title).Split(' '));
            Mark(key.Split(' ')[0], WordClass.TitleStart);
            // A one-word title written capitalised ("King", "Chief") is a title only when capitalised.
            titles[key] = key.Contains(' ') || !char.IsUpper(title[0]);
            AddPrefixes(titlePrefixes, key);
            LongestName = Math.Max(LongestName, key.Count(c => c == ' ') + 1);
        }

        var section = WordClass.None;
        foreach (var line in Lines(words))
        {
            if (line.StartsWith('['))
            {
                section = Sections[line.Trim('[', ']')];
            }
            else
            {
                Mark(line, section);
            }
        }

        foreach (var word in Lines(commonWords))
        {
            Mark(word, WordClass.Common);
        }

        classOf = classes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The gazetteer shipped beside the app (copied to the output folder with it).</summary>
    public static Gazetteer Shipped => ShippedGazetteer.Value;

    /// <summary>Longest title or name in words: how far a lookup looks ahead.</summary>
    internal int LongestName { get; private set; }

    public static Gazetteer Load(string folder)
    {
        string Read(string name) => File.ReadAllText(Path.Combine(folder, name));
        return new Gazetteer(
            Read("entities/places.txt"),
            Read("entities/organisations.txt"),
            Read("entities/people.txt"),
            Read("entities/titles.txt"),
            Read("entities/words.txt"),
            Read("entities/common-words.txt"),
            AliasList.Parse(Read("aliases.txt")));
    }

    /// <summary>The lower-case key of a run of words: "al-Maliki" and "Al Maliki" are both "al maliki".</summary>
    internal static string Key(IEnumerable<string> words) => string.Join(' ', words).ToLowerInvariant();

    internal bool IsNamePrefix(string key) => namePrefixes.Contains(key);

    internal bool IsTitlePrefix(string key) => titlePrefixes.Contains(key);

    internal KnownName? Name(string key) => names.GetValueOrDefault(key);

    /// <summary>Null when the key is no title; otherwise whether it is a title in lower case too.</summary>
    internal bool? Title(string key) => titles.TryGetValue(key, out var anyCase) ? anyCase : null;

    /// <summary>
    /// The name the archive shows for a name found in the text: the first name of its line in the gazetteer or in the
    /// search's alias list ("Nuri al-Maliki" is "Nouri al-Maliki"), or the name as found.
    /// </summary>
    internal string Canonical(string name) => Canonical(name, out _);

    /// <inheritdoc cref="Canonical(string)"/>
    /// <param name="listed">Whether a list names it.</param>
    internal string Canonical(string name, out bool listed)
    {
        var key = Key(QueryLexer.IndexWords(name).Split(' '));
        if (names.TryGetValue(key, out var known))
        {
            listed = true;
            return known.Name;
        }

        listed = folded.TryGetValue(key, out var first);
        return first ?? name;
    }

    /// <summary>What the lists say a word is, in any case: ordinary ("generic words" included), a nationality, a particle…</summary>
    internal WordClass Classes(ReadOnlySpan<char> word) => classOf.TryGetValue(word, out var found) ? found : WordClass.None;

    /// <summary>
    /// What the lists say a word is, and the word as a string: the list's own copy when it is written the same (most
    /// words of a text are ordinary words in lower case), so a paragraph's words cost no new strings.
    /// </summary>
    internal (string Word, WordClass Classes) Word(ReadOnlySpan<char> word) =>
        classOf.TryGetValue(word, out var stored, out var found) ? (word.SequenceEqual(stored) ? stored : word.ToString(), found) : (word.ToString(), WordClass.None);

    /// <summary>Whether a name is one of the archive's outlets (<see cref="OutletCatalog"/>), asked only when its first word may start one.</summary>
    internal bool IsOutlet(string name)
    {
        var first = name.AsSpan();
        var end = first.IndexOfAnyExcept(LettersAndDigits);
        return Classes(end < 0 ? first : first[..end]).HasFlag(WordClass.OutletStart) && OutletCatalog.TryFind(name, out _);
    }

    /// <summary>Whether a section of words.txt holds the word, in any case.</summary>
    internal bool In(string section, ReadOnlySpan<char> word) => (Classes(word) & Sections[section]) != 0;

    /// <summary>The characters of the index's words.</summary>
    internal static readonly System.Buffers.SearchValues<char> LettersAndDigits = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsLetterOrDigit)]);

    private void Mark(string word, WordClass what) => classes[word] = classes.GetValueOrDefault(word) | what;

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static void AddPrefixes(HashSet<string> prefixes, string key)
    {
        for (var space = key.IndexOf(' '); space > 0; space = key.IndexOf(' ', space + 1))
        {
            prefixes.Add(key[..space]);
        }

        prefixes.Add(key);
    }

    private void Add(AliasList list, EntityKind kind)
    {
        foreach (var (words, first) in list.Names)
        {
            var key = Key(words);
            // The first list to name a key keeps it: a place before an organisation of the same name.
            if (names.TryAdd(key, new KnownName(kind, first, [.. words])))
            {
                AddPrefixes(namePrefixes, key);
                LongestName = Math.Max(LongestName, words.Count);
            }
        }
    }
}

/// <summary>What a word may be, by the lists and the sections of words.txt.</summary>
[Flags]
internal enum WordClass
{
    None = 0,
    Common = 1 << 0,
    NotName = 1 << 1,
    Demonym = 1 << 2,
    OrganisationWord = 1 << 3,
    CompanySuffix = 1 << 4,
    PlaceWord = 1 << 5,
    PlaceStart = 1 << 6,
    BeforePlace = 1 << 7,
    AfterPlace = 1 << 8,
    PlaceNoun = 1 << 9,
    OrganisationNoun = 1 << 10,
    Particle = 1 << 11,
    HyphenParticle = 1 << 12,
    Connector = 1 << 13,
    Abbreviation = 1 << 14,
    NameStart = 1 << 15,
    TitleStart = 1 << 16,
    OutletStart = 1 << 17,
}

/// <summary>A place, organisation or person of the gazetteer: its kind, the name the archive shows, and one way it is written (as index words).</summary>
internal sealed record KnownName(EntityKind Kind, string Name, string[] Words);
