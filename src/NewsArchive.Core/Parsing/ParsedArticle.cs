namespace NewsArchive.Core.Parsing;

/// <summary>What the parser makes of one article file: clean fields, no I/O details.</summary>
public sealed record ParsedArticle(
    string Title,
    bool TitleDerived,
    string Outlet,
    ArticleDate? PublishedAt,
    string? Dateline,
    string? SourceId,
    string? SourceUrl,
    string? Site,
    string? Summary,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Paragraphs separated by a blank line, as stored and served.</summary>
    public string Body => string.Join("\n\n", Paragraphs);
}
