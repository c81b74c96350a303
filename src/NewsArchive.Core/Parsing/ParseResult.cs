namespace NewsArchive.Core.Parsing;

/// <summary>Either an article or the reason the file is not one; the parser never throws on content.</summary>
public sealed record ParseResult
{
    private ParseResult(ParsedArticle? article, string? rejection)
    {
        Article = article;
        Rejection = rejection;
    }

    public ParsedArticle? Article { get; }

    /// <summary>Why the file is not an article, in words fit for an ingestion report ("empty file", "binary content (NUL bytes)").</summary>
    public string? Rejection { get; }

    public static ParseResult Parsed(ParsedArticle article) => new(article, null);

    public static ParseResult Rejected(string reason) => new(null, reason);
}
