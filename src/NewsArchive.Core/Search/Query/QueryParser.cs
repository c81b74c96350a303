using System.Text;

namespace NewsArchive.Core.Search.Query;

/// <summary>
/// The archive's query language, read forgivingly: words (all must match), "exact phrases", OR, -word and NOT,
/// parentheses, prefix*, title:word, title:"a phrase", outlet:"Press TV" or outlet:press-tv. Whatever is malformed is
/// repaired and the repair reported in <see cref="ParsedQuery.Notices"/>; only a query that cannot be run at all
/// (too long, too many terms, nothing to look for) gets an <see cref="ParsedQuery.Error"/>. It never throws.
/// The syntax is documented for users in docs/search.md.
/// </summary>
public static class QueryParser
{
    /// <summary>Bounds on what one request may cost the engine.</summary>
    public const int MaxLength = 1_000;
    public const int MaxTerms = 32;
    public const int MaxPrefixTerms = 4;
    public const int MinPrefixLength = 3;
    private const int MaxDepth = 8;

    public static ParsedQuery Parse(string? text, AliasList? aliases = null)
    {
        text ??= "";
        if (text.Length > MaxLength)
        {
            return Failed(text, $"The query is {text.Length:N0} characters long; shorten it to at most {MaxLength:N0}.");
        }

        var notices = new List<string>();
        var tokens = QueryLexer.Read(text, notices);
        var tree = new Reader(tokens, notices).ReadQuery();

        var outlets = new List<string>();
        var excludedOutlets = new List<string>();
        tree = LiftOutlets(tree, negated: false, insideAny: false, outlets, excludedOutlets, notices);

        var userTerms = Terms(tree).ToList();
        if (userTerms.Count > MaxTerms)
        {
            return Failed(text, $"The query has {userTerms.Count} terms; use at most {MaxTerms}.");
        }

        tree = LimitPrefixes(tree, notices);
        var words = userTerms.Where(t => !t.Quoted && !t.Prefix && !t.IsPhrase).Select(t => t.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var expanded = new List<string>();
        if (aliases is not null && tree is not null)
        {
            tree = aliases.Expand(tree, expanded);
        }

        var fts = tree is null ? null : QueryCompiler.Compile(tree, notices);
        string? error = null;
        if (fts is null && tree is not null)
        {
            error = "The query only excludes: add a word or phrase to look for, e.g. iran -nuclear.";
        }

        return new ParsedQuery(text, fts, outlets, excludedOutlets, words, expanded, notices.Distinct().ToList(), error)
        {
            HasPrefix = fts is not null && Terms(tree).Any(t => t.Prefix),
        };
    }

    private static ParsedQuery Failed(string text, string error) => ParsedQuery.Empty with { Text = text, Error = error };

    private static IEnumerable<TermNode> Terms(QueryNode? node) => node switch
    {
        TermNode term => [term],
        AllNode all => all.Items.SelectMany(Terms),
        AnyNode any => any.Items.SelectMany(Terms),
        NotNode not => Terms(not.Item),
        _ => [],
    };

    /// <summary>outlet: is a filter on the whole query, wherever it was typed; -outlet: excludes that outlet.</summary>
    private static QueryNode? LiftOutlets(QueryNode? node, bool negated, bool insideAny, List<string> outlets, List<string> excluded, List<string> notices)
    {
        switch (node)
        {
            case OutletNode outlet:
                (negated ? excluded : outlets).Add(outlet.Name);
                if (insideAny)
                {
                    notices.Add($"outlet:{outlet.Name} filters the whole query, not one side of an OR.");
                }

                return null;
            case NotNode not:
                return LiftOutlets(not.Item, !negated, insideAny, outlets, excluded, notices) is { } item ? new NotNode(item) : null;
            case AllNode all:
                return Simplify(all.Items.Select(i => LiftOutlets(i, negated, insideAny, outlets, excluded, notices)), items => new AllNode(items));
            case AnyNode any:
                return Simplify(any.Items.Select(i => LiftOutlets(i, negated, insideAny: true, outlets, excluded, notices)), items => new AnyNode(items));
            default:
                return node;
        }
    }

    /// <summary>Short prefixes expand to a large part of the vocabulary; they and prefixes past the limit are searched as words.</summary>
    private static QueryNode? LimitPrefixes(QueryNode? node, List<string> notices)
    {
        var allowed = MaxPrefixTerms;
        return Rewrite(node);

        QueryNode? Rewrite(QueryNode? n)
        {
            switch (n)
            {
                case TermNode { Prefix: true } term when term.Text.Count(char.IsLetterOrDigit) < MinPrefixLength:
                    notices.Add($"{term.Text}* is too short a prefix (at least {MinPrefixLength} letters); searched for the word {term.Text}.");
                    return term with { Prefix = false };
                case TermNode { Prefix: true } term when allowed-- <= 0:
                    notices.Add($"At most {MaxPrefixTerms} prefix searches per query; searched for the word {term.Text}.");
                    return term with { Prefix = false };
                case AllNode all:
                    return new AllNode(all.Items.Select(Rewrite).OfType<QueryNode>().ToList());
                case AnyNode any:
                    return new AnyNode(any.Items.Select(Rewrite).OfType<QueryNode>().ToList());
                case NotNode not:
                    return new NotNode(Rewrite(not.Item)!);
                default:
                    return n;
            }
        }
    }

    /// <summary>Drops empty parts; a group of one is that one.</summary>
    internal static QueryNode? Simplify(IEnumerable<QueryNode?> items, Func<IReadOnlyList<QueryNode>, QueryNode> group)
    {
        var kept = items.OfType<QueryNode>().ToList();
        return kept.Count switch
        {
            0 => null,
            1 => kept[0],
            _ => group(kept),
        };
    }

    /// <summary>Recursive descent over the tokens: OR binds loosest, then AND (explicit or by juxtaposition), then NOT.</summary>
    private sealed class Reader(List<QueryToken> tokens, List<string> notices)
    {
        private int position;

        private QueryToken? Peek => position < tokens.Count ? tokens[position] : null;

        public QueryNode? ReadQuery()
        {
            var parts = new List<QueryNode?>();
            while (Peek is not null)
            {
                parts.Add(ReadAny(depth: 0));
                if (Peek?.Kind == TokenKind.Close)
                {
                    position++;
                    notices.Add("Ignored a ')' that closes no '('.");
                }
            }

            return Simplify(parts, items => new AllNode(items));
        }

        private QueryNode? ReadAny(int depth)
        {
            var alternatives = new List<QueryNode?> { ReadAll(depth) };
            while (Peek?.Kind == TokenKind.Or)
            {
                position++;
                if (Peek is null or { Kind: TokenKind.Close or TokenKind.Or } || alternatives[^1] is null)
                {
                    notices.Add("Ignored an OR with nothing on one side.");
                }

                alternatives.Add(ReadAll(depth));
            }

            return Simplify(alternatives, items => new AnyNode(items));
        }

        private QueryNode? ReadAll(int depth)
        {
            var items = new List<QueryNode?>();
            while (Peek is { Kind: not (TokenKind.Close or TokenKind.Or) } token)
            {
                if (token.Kind == TokenKind.And)
                {
                    position++;
                    if (items.Count == 0 || Peek is null or { Kind: TokenKind.Close or TokenKind.Or or TokenKind.And })
                    {
                        notices.Add("Ignored an AND with nothing on one side.");
                    }

                    continue;
                }

                items.Add(ReadUnary(depth));
            }

            return Simplify(items, all => new AllNode(all));
        }

        private QueryNode? ReadUnary(int depth)
        {
            var negations = 0;
            while (Peek?.Kind == TokenKind.Not)
            {
                position++;
                negations++;
            }

            if (negations > 0 && Peek is null or { Kind: TokenKind.Close or TokenKind.Or or TokenKind.And })
            {
                notices.Add("Ignored a NOT (or -) with nothing after it.");
                return null;
            }

            var item = ReadPrimary(depth);
            return item is not null && negations % 2 == 1 ? new NotNode(item) : item;
        }

        private QueryNode? ReadPrimary(int depth)
        {
            var token = tokens[position++];
            if (token.Kind != TokenKind.Open)
            {
                return token.Node;
            }

            if (depth >= MaxDepth)
            {
                notices.Add($"Parentheses nest at most {MaxDepth} deep; the inner ones were ignored.");
            }

            var inner = ReadAny(Math.Min(depth + 1, MaxDepth));
            if (Peek?.Kind == TokenKind.Close)
            {
                position++;
            }
            else
            {
                notices.Add("Closed a '(' that was left open.");
            }

            return inner;
        }
    }
}

internal enum TokenKind
{
    Term,
    Open,
    Close,
    Or,
    And,
    Not,
}

/// <summary>One lexical unit; a term token carries its node (a word, a phrase or an outlet filter).</summary>
internal sealed record QueryToken(TokenKind Kind, QueryNode? Node = null);

/// <summary>Splits a query into tokens, repairing what cannot be read: control characters, lone quotes, empty fields.</summary>
internal static class QueryLexer
{
    private static readonly QueryToken Open = new(TokenKind.Open);
    private static readonly QueryToken Close = new(TokenKind.Close);
    private static readonly QueryToken Not = new(TokenKind.Not);

    public static List<QueryToken> Read(string text, List<string> notices)
    {
        var tokens = new List<QueryToken>();
        var s = Clean(text, notices);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(')
            {
                tokens.Add(Open);
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(Close);
                i++;
            }
            else if (c == '-' && i + 1 < s.Length && (s[i + 1] is '(' or '"' || IsWordChar(s[i + 1])))
            {
                // "-word" excludes; a hyphen inside a word (al-Maliki) never reaches here.
                tokens.Add(Not);
                i++;
            }
            else if (c == '"')
            {
                var (phrase, next) = ReadPhrase(s, i, notices);
                i = next;
                AddTerm(tokens, QueryField.Any, phrase, Prefix(s, ref i), quoted: true, notices);
            }
            else
            {
                var start = i;
                while (i < s.Length && IsWordChar(s[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    // A lone '-' or '+' or similar: nothing to search for.
                    i++;
                    continue;
                }

                ReadWord(s[start..i], s, ref i, tokens, notices);
            }
        }

        return tokens;
    }

    private static void ReadWord(string word, string s, ref int i, List<QueryToken> tokens, List<string> notices)
    {
        switch (word)
        {
            case "OR" or "|" or "||":
                tokens.Add(new QueryToken(TokenKind.Or));
                return;
            case "AND" or "&&":
                tokens.Add(new QueryToken(TokenKind.And));
                return;
            case "NOT":
                tokens.Add(Not);
                return;
        }

        var colon = word.IndexOf(':', StringComparison.Ordinal);
        var field = colon > 0 ? word[..colon].ToLowerInvariant() : null;
        if (field is not ("title" or "outlet"))
        {
            var prefix = word.EndsWith('*');
            AddTerm(tokens, QueryField.Any, word.TrimStart('+').TrimEnd('*'), prefix, quoted: false, notices);
            return;
        }

        var value = word[(colon + 1)..];
        var quoted = false;
        if (value.Length == 0 && i < s.Length && s[i] == '"')
        {
            (value, i) = ReadPhrase(s, i, notices);
            quoted = true;
        }

        if (field == "outlet")
        {
            var name = value.TrimEnd('*').Trim();
            if (name.Length == 0)
            {
                notices.Add("outlet: needs a name after it, e.g. outlet:\"Press TV\" or outlet:press-tv.");
            }
            else
            {
                tokens.Add(new QueryToken(TokenKind.Term, new OutletNode(name)));
            }

            return;
        }

        var isPrefix = quoted ? Prefix(s, ref i) : value.EndsWith('*');
        if (value.TrimEnd('*').Length == 0)
        {
            notices.Add("title: needs a word or a phrase after it, e.g. title:sanctions or title:\"nuclear talks\".");
            return;
        }

        AddTerm(tokens, QueryField.Title, value.TrimEnd('*'), isPrefix, quoted, notices);
    }

    private static void AddTerm(List<QueryToken> tokens, QueryField field, string text, bool prefix, bool quoted, List<string> notices)
    {
        var words = IndexWords(text);
        if (words.Length == 0)
        {
            notices.Add($"Ignored {(quoted ? $"\"{text}\"" : text)}{(prefix ? "*" : "")}: it has no letters or digits to search for.");
            return;
        }

        tokens.Add(new QueryToken(TokenKind.Term, new TermNode(words, field, prefix, quoted)));
    }

    /// <summary>The words as the index sees them: runs of letters and digits, anything else only separates them.</summary>
    internal static string IndexWords(string text)
    {
        var builder = new StringBuilder(text.Length);
        var gap = false;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                gap = true;
                continue;
            }

            if (gap && builder.Length > 0)
            {
                builder.Append(' ');
            }

            gap = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool Prefix(string s, ref int i)
    {
        if (i < s.Length && s[i] == '*')
        {
            i++;
            return true;
        }

        return false;
    }

    private static (string Phrase, int Next) ReadPhrase(string s, int openQuote, List<string> notices)
    {
        var close = s.IndexOf('"', openQuote + 1);
        if (close < 0)
        {
            notices.Add("Closed a quote that was left open.");
            return (s[(openQuote + 1)..], s.Length);
        }

        return (s[(openQuote + 1)..close], close + 1);
    }

    private static bool IsWordChar(char c) => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '"');

    /// <summary>Control characters become spaces; typographic quotes become plain ones, as users paste them from documents.</summary>
    private static string Clean(string text, List<string> notices)
    {
        var builder = new StringBuilder(text.Length);
        var removed = false;
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                removed |= !char.IsWhiteSpace(c);
                builder.Append(' ');
            }
            else
            {
                builder.Append(c is '“' or '”' or '„' or '«' or '»' ? '"' : c);
            }
        }

        if (removed)
        {
            notices.Add("Removed control characters.");
        }

        return builder.ToString();
    }
}
