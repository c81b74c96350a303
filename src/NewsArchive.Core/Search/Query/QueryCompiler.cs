namespace NewsArchive.Core.Search.Query;

/// <summary>
/// Writes the query tree as an FTS5 expression. Every word and phrase goes through <see cref="Fts.Quote"/>, so user
/// text is only ever tokenized, never read as syntax; every group is parenthesised, so FTS5's precedence never matters.
/// </summary>
internal static class QueryCompiler
{
    /// <summary>The expression, or null when the tree only excludes (FTS5 cannot answer "everything but").</summary>
    public static string? Compile(QueryNode node, List<string> notices) => node switch
    {
        TermNode term => Term(term),
        AllNode all => All(all.Items, notices),
        AnyNode any => Any(any, notices),
        NotNode => null,
        _ => null,
    };

    private static string Term(TermNode term) =>
        (term.Field == QueryField.Title ? "Title : " : "") + Fts.Quote(term.Text) + (term.Prefix ? " *" : "");

    private static string? All(IReadOnlyList<QueryNode> items, List<string> notices)
    {
        var included = items.Where(i => i is not NotNode).Select(i => Compile(i, notices)).OfType<string>().ToList();
        var excluded = items.OfType<NotNode>().Select(n => Compile(n.Item, notices)).OfType<string>().ToList();
        if (included.Count == 0)
        {
            return null;
        }

        var expression = Join(included, "AND");
        return excluded.Count == 0 ? expression : $"({expression} NOT {Join(excluded, "OR")})";
    }

    private static string? Any(AnyNode any, List<string> notices)
    {
        var alternatives = new List<string>();
        foreach (var item in any.Items)
        {
            if (Compile(item, notices) is { } expression)
            {
                alternatives.Add(expression);
            }
            else
            {
                notices.Add("Ignored an alternative of an OR that only excludes; write the exclusion beside the OR group, e.g. (iran OR iraq) -nuclear.");
            }
        }

        return alternatives.Count == 0 ? null : Join(alternatives, "OR");
    }

    private static string Join(List<string> parts, string op) =>
        parts.Count == 1 ? parts[0] : "(" + string.Join($" {op} ", parts) + ")";
}
