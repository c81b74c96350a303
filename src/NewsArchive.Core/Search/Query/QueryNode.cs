namespace NewsArchive.Core.Search.Query;

/// <summary>The parsed query as a tree. Only <see cref="QueryCompiler"/> turns it into FTS5 syntax.</summary>
internal abstract record QueryNode;

/// <summary>A word or a phrase, perhaps limited to the title, perhaps a prefix (<c>cooperat*</c>).</summary>
/// <param name="Quoted">Typed in quotes, or added by an alias: taken literally, never expanded again.</param>
internal sealed record TermNode(string Text, QueryField Field, bool Prefix, bool Quoted) : QueryNode
{
    public bool IsPhrase => Text.Contains(' ', StringComparison.Ordinal);
}

/// <summary>Every item must match (words side by side, or AND).</summary>
internal sealed record AllNode(IReadOnlyList<QueryNode> Items) : QueryNode;

/// <summary>Any item may match (OR).</summary>
internal sealed record AnyNode(IReadOnlyList<QueryNode> Items) : QueryNode;

/// <summary>Must not match (<c>-word</c>, NOT).</summary>
internal sealed record NotNode(QueryNode Item) : QueryNode;

/// <summary><c>outlet:"Press TV"</c>: not text to find but a filter, lifted out of the tree by the parser.</summary>
internal sealed record OutletNode(string Name) : QueryNode;

internal enum QueryField
{
    Any,
    Title,
}
