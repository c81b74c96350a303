namespace NewsArchive.Core.Search.Query;

/// <summary>
/// What a user's query means: the FTS5 expression to match (built by the app, never the user's raw text), the outlet
/// filters named inside it, the words a spelling check may look at, the alias terms that were added, and what was
/// repaired on the way. <see cref="Error"/> is set when nothing sensible can be run; the message says what to change.
/// </summary>
public sealed record ParsedQuery(
    string Text,
    string? FtsExpression,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> ExcludedOutlets,
    IReadOnlyList<string> Words,
    IReadOnlyList<string> ExpandedTerms,
    IReadOnlyList<string> Notices,
    string? Error)
{
    public static ParsedQuery Empty { get; } = new("", null, [], [], [], [], [], null);

    /// <summary>Whether the expression holds a prefix term: FTS5 expands each one over the whole index at every evaluation.</summary>
    public bool HasPrefix { get; init; }

    /// <summary>True when the query asks for text, so results can be ranked and snippets marked.</summary>
    public bool HasText => FtsExpression is not null;
}
