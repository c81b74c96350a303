namespace NewsArchive.Core.Parsing;

/// <summary>Pure: the bytes or text of one article file in, a <see cref="ParseResult"/> out. No I/O.</summary>
public static class ArticleParser
{
    public static ParseResult Parse(ReadOnlySpan<byte> content, ParseOptions options) => throw new NotImplementedException();

    public static ParseResult Parse(string text, ParseOptions options) => throw new NotImplementedException();
}
