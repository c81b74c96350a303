namespace NewsArchive.Core.Search;

/// <summary>The few pieces of FTS5 syntax the app writes itself. User text enters an expression only through <see cref="Quote"/>.</summary>
public static class Fts
{
    /// <summary>
    /// BM25 over (Title, Summary, Body): a word in the headline says most about what an article is about, the summary
    /// less, the body least. Lower is better, as FTS5 returns it.
    /// </summary>
    public const string Rank = "bm25(ArticlesFts, 5.0, 2.0, 1.0)";

    /// <summary>A string literal for MATCH: FTS5 reads everything inside as text to tokenize, never as syntax.</summary>
    public static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
