namespace NewsArchive.Core.Search.Query;

/// <summary>
/// Names a reader takes for one entity (ISIL, ISIS, Daesh, "Islamic State"), read from a data file: one entity per
/// line, names separated by commas, "quoted" names are phrases, a name written =NAME only triggers the expansion when
/// typed exactly so (IS is the word "is" to the index, so it is never searched itself). A query word or run of words
/// naming one of them is searched as all of them; a quoted query term is taken literally.
/// </summary>
public sealed class AliasList
{
    private readonly List<Alias> aliases = [];

    public static AliasList Empty { get; } = new();

    public int Count => aliases.Count;

    public static AliasList Parse(string text)
    {
        var list = new AliasList();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var entries = line.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
            var searched = entries.Where(n => !n.StartsWith('=')).Select(n => n.Trim('"').Trim()).Where(n => n.Length > 0).ToList();
            foreach (var entry in entries)
            {
                var triggerOnly = entry.StartsWith('=');
                var name = entry.TrimStart('=').Trim('"').Trim();
                list.aliases.Add(new Alias(QueryLexer.IndexWords(name).Split(' '), triggerOnly, searched));
            }
        }

        return list;
    }

    public static AliasList Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    /// <summary>
    /// Each name of the list as the index's words (case kept), with the first name of its line. Entity extraction
    /// reads its gazetteer in this format, and folds the names it finds ("Nuri al-Maliki") into the first one.
    /// </summary>
    internal IEnumerable<(IReadOnlyList<string> Words, string First)> Names =>
        aliases.Where(a => a.Group.Count > 0).Select(a => ((IReadOnlyList<string>)a.Words, a.Group[0]));

    /// <summary>Replaces every unquoted word or run of words that names an alias with an OR of all its names.</summary>
    internal QueryNode Expand(QueryNode node, List<string> added) => node switch
    {
        AllNode all => new AllNode(ExpandRuns(all.Items, added)),
        AnyNode any => new AnyNode(any.Items.Select(i => Expand(i, added)).ToList()),
        NotNode not => new NotNode(Expand(not.Item, added)),
        TermNode term => ExpandRuns([term], added)[0],
        _ => node,
    };

    private List<QueryNode> ExpandRuns(IReadOnlyList<QueryNode> items, List<string> added)
    {
        var result = new List<QueryNode>();
        for (var i = 0; i < items.Count;)
        {
            var (alias, consumed) = LongestMatch(items, i);
            if (alias is not null && items[i] is TermNode first)
            {
                var typed = string.Join(' ', alias.Words);
                added.AddRange(alias.Group.Where(n => !QueryLexer.IndexWords(n).Equals(typed, StringComparison.OrdinalIgnoreCase) && !added.Contains(n)));
                result.Add(new AnyNode(alias.Group.Select(n => (QueryNode)new TermNode(QueryLexer.IndexWords(n), first.Field, Prefix: false, Quoted: true)).ToList()));
                i += consumed;
            }
            else
            {
                result.Add(items[i] is TermNode ? items[i] : Expand(items[i], added));
                i++;
            }
        }

        return result;
    }

    private (Alias? Alias, int Consumed) LongestMatch(IReadOnlyList<QueryNode> items, int start)
    {
        (Alias? Alias, int Consumed) best = (null, 0);
        foreach (var alias in aliases)
        {
            if (Consumed(alias, items, start) is var consumed && consumed > 0 && alias.Words.Length > (best.Alias?.Words.Length ?? 0))
            {
                best = (alias, consumed);
            }
        }

        return best;
    }

    /// <summary>How many query items spell the alias from <paramref name="start"/>, or 0. A phrase-valued term (al-Maliki) gives its words in order.</summary>
    private static int Consumed(Alias alias, IReadOnlyList<QueryNode> items, int start)
    {
        if (items[start] is not TermNode first)
        {
            return 0;
        }

        var words = new List<string>();
        var i = start;
        for (; words.Count < alias.Words.Length && i < items.Count; i++)
        {
            if (items[i] is not TermNode { Quoted: false, Prefix: false } term || term.Field != first.Field)
            {
                return 0;
            }

            words.AddRange(term.Text.Split(' '));
        }

        var comparison = alias.TriggerOnly ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return words.Count == alias.Words.Length && words.Zip(alias.Words).All(p => p.First.Equals(p.Second, comparison)) ? i - start : 0;
    }

    private sealed record Alias(string[] Words, bool TriggerOnly, IReadOnlyList<string> Group);
}
