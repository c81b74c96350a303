
namespace NewsArchive.Core.Entities;

/// <summary>
/// The names found in one article, gathered before they become entities: each name with the evidence for each kind,
/// the lone capitalised words that may be further mentions, and the acronyms spelled out.
/// </summary>
internal sealed class Mentions(Gazetteer gazetteer)
{
    private readonly Dictionary<string, Candidate> names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> loose = [];
    private readonly Dictionary<string, string> acronyms = new(StringComparer.Ordinal);

    /// <summary>A mention of a name, under the name the archive shows for it ("Nuri al-Maliki" is "Nouri al-Maliki").</summary>
    public void Add(EntityKind kind, string name, Evidence evidence, string? acronym = null)
    {
        // A listed name is already the one shown.
        name = evidence == Evidence.Known ? name : gazetteer.Canonical(name);
        // "Bashar al-Assads forces": a text without apostrophes writes a known person's possessive so.
        if (evidence != Evidence.Known && kind == EntityKind.Person && name.EndsWith('s') && gazetteer.Canonical(name[..^1], out var listed) is var stem && listed)
        {
            name = stem;
        }

        if (!names.TryGetValue(name, out var candidate))
        {
            names[name] = candidate = new Candidate(name);
        }

        candidate.Add(kind, evidence, 1);
        if (acronym is not null)
        {
            acronyms[acronym] = name;
        }
    }

    /// <summary>The names found so far, as the archive shows them.</summary>
    public IEnumerable<string> Names => names.Keys;

    /// <summary>A lone capitalised word: it counts once the article names what it stands for.</summary>
    public void AddLoose(string word) => loose.Add(word);

    /// <summary>One more mention of a name found before, as what it was found to be.</summary>
    public void Repeat(string name)
    {
        var candidate = names[name];
        candidate.Add(candidate.Kind, Evidence.Pattern, 1);
    }

    /// <summary>The entities, most mentioned first: short forms of a person's name and lone words resolved, outlets left out.</summary>
    public List<FoundEntity> Resolve(string? outlet, int max)
    {
        var people = names.Values.Where(c => c.Kind == EntityKind.Person).ToList();
        var organisations = names.Values.Where(c => c.Kind == EntityKind.Organisation).ToList();
        foreach (var shorter in people.Where(p => p.Strongest != Evidence.Known))
        {
            // "Dehqan" (from "Brigadier General Dehqan") and "Mohammad Omar" are "Hossein Dehqan" and "Ali Mohammad Omar";
            // "Sir Edward" is "Edward Heath" when no other Edward is named.
            var longer = people.Where(p => p != shorter && p.Words.Length > shorter.Words.Length && EndsWith(p, shorter)).ToList();
            if (longer.Count == 0 && shorter.Words.Length == 1)
            {
                longer = [.. people.Where(p => p.Words.Length > 1 && string.Equals(p.Words[0], shorter.Name, StringComparison.OrdinalIgnoreCase))];
            }

            // "Mohamad Khweiss": a text without apostrophes writes the possessive so.
            if (longer.Count == 0 && shorter.Name.EndsWith('s') && names.GetValueOrDefault(shorter.Name[..^1]) is { Kind: EntityKind.Person } stem)
            {
                longer = [stem];
            }

            // A name found by its form alone that opens an organisation's name is that organisation ("Morgan Guaranty").
            if (longer.Count == 0 && shorter.Strongest == Evidence.Pattern)
            {
                longer = [.. organisations.Where(o => o.Name.StartsWith(shorter.Name + " ", StringComparison.OrdinalIgnoreCase))];
            }

            if (longer.Count == 1)
            {
                longer[0].Merge(shorter);
                names.Remove(shorter.Name);
            }
        }

        // A lone word is the last of a person's names ("Maliki"), or a one-word name without its particle ("Khalidiya").
        // "Jeffrey Leeds ... Leeds said": a known place alone that is the surname of a person named in full is that person.
        foreach (var place in names.Values.Where(c => c.Kind == EntityKind.Place && c.Strongest == Evidence.Known && c.Words.Length == 1).ToList())
        {
            var person = names.Values.Where(c => c.Kind == EntityKind.Person && c.Words.Length > 1 && string.Equals(Surname(c.Words[^1]), place.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (person.Count == 1)
            {
                person[0].Add(EntityKind.Person, Evidence.Pattern, place.Mentions);
                names.Remove(place.Name);
            }
        }

        var surnames = names.Values
            .Where(c => c.Words.Length > 0 && (c.Kind == EntityKind.Person) != (c.Words.Length == 1))
            .GroupBy(c => Surname(c.Words[^1]), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.OrdinalIgnoreCase);
        foreach (var word in loose)
        {
            var candidate = names.GetValueOrDefault(word)
                ?? (acronyms.TryGetValue(word, out var spelled) ? names.GetValueOrDefault(spelled) : null)
                ?? surnames.GetValueOrDefault(Surname(word));
            candidate?.Add(candidate.Kind, Evidence.Pattern, 1);
        }

        return names.Values
            .Where(c => !gazetteer.IsOutlet(c.Name) && !string.Equals(c.Name, outlet, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Mentions).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => new FoundEntity(c.Kind, c.Name, c.Mentions))
            .ToList();
    }

    /// <summary>The last words of a person's name, particles aside: "al-Maliki" and "Maliki" end the same.</summary>
    private static bool EndsWith(Candidate longer, Candidate shorter) =>
        longer.Words.TakeLast(shorter.Words.Length).Zip(shorter.Words).All(pair => string.Equals(Surname(pair.First), Surname(pair.Second), StringComparison.OrdinalIgnoreCase));

    /// <summary>A name word without its particle: "al-Maliki" is "Maliki".</summary>
    private static string Surname(string word)
    {
        var hyphen = word.IndexOf('-', StringComparison.Ordinal);
        return hyphen is > 0 and <= 3 && char.IsLower(word[0]) || word.StartsWith("Al-", StringComparison.Ordinal) || word.StartsWith("El-", StringComparison.Ordinal)
            ? word[(hyphen + 1)..]
            : word;
    }

    private sealed class Candidate(string name)
    {
        private readonly Dictionary<EntityKind, (Evidence Evidence, int Mentions)> kinds = [];

        public string Name { get; } = name;

        public string[] Words { get; } = name.Split(' ').Where(w => char.IsUpper(w[0]) || w.Contains('-', StringComparison.Ordinal)).ToArray();

        public int Mentions { get; private set; }

        /// <summary>The kind with the strongest evidence; between equals, the one named more often.</summary>
        public EntityKind Kind => kinds.MaxBy(k => ((int)k.Value.Evidence, k.Value.Mentions)).Key;

        public Evidence Strongest => kinds.Values.Max(k => k.Evidence);

        public void Add(EntityKind kind, Evidence evidence, int mentions)
        {
            var (strongest, count) = kinds.GetValueOrDefault(kind);
            kinds[kind] = ((Evidence)Math.Max((int)strongest, (int)evidence), count + mentions);
            Mentions += mentions;
        }

        public void Merge(Candidate other)
        {
            foreach (var (kind, (evidence, mentions)) in other.kinds)
            {
                Add(kind, evidence, mentions);
            }
        }
    }
}
