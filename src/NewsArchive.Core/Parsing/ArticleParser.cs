namespace NewsArchive.Core.Parsing;

/// <summary>Pure: the bytes or text of one article file in, a <see cref="ParseResult"/> out. No I/O.</summary>
public static class ArticleParser
{
    public const string UnknownOutlet = "Unknown";

    public static ParseResult Parse(ReadOnlySpan<byte> content, ParseOptions options)
    {
        if (content.IsEmpty)
        {
            return ParseResult.Rejected("empty file");
        }

        var (text, wasWindows1252) = TextDecoding.Decode(content);
        return Parse(text, options, wasWindows1252 ? ["not valid UTF-8: decoded as Windows-1252"] : []);
    }

    public static ParseResult Parse(string text, ParseOptions options) => Parse(text, options, []);

    private static ParseResult Parse(string text, ParseOptions options, List<string> warnings)
    {
        if (text.Length == 0)
        {
            return ParseResult.Rejected("empty file");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return ParseResult.Rejected("binary content (NUL bytes)");
        }

        var lines = TextHygiene.CleanLines(text);
        if (lines.All(line => line.Trim().Length == 0))
        {
            return ParseResult.Rejected("whitespace only");
        }

        try
        {
            var article = new ArticleReader(lines, warnings).Read(options);
            return article is null ? ParseResult.Rejected("no article text after cleaning") : ParseResult.Parsed(article);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException or FormatException or OverflowException)
        {
            // The rules are written not to throw; this keeps the "never throws on content" promise if one still does.
            return ParseResult.Rejected($"parser error: {ex.Message}");
        }
    }
}
