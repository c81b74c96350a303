using System.Text.RegularExpressions;
using NewsArchive.Core.Search.Query;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// Answers <see cref="ArticleQuery"/> from the archive: FTS5 finds the matching ids (with their BM25 score when the
/// order is relevance), one pass over them in the <see cref="ArchiveCatalog"/> applies the outlet and date filters,
/// counts the facets and keeps the requested page; then only that page's rows, snippets and highlights are read.
/// </summary>
public sealed partial class SqliteArticleSearch(ArchiveDbContext db, ArchiveCatalog catalog, SpellingSuggester spelling) : IArticleSearch
{
    public async Task<ArticleResults> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        var pass = await PassAsync(query, cancellationToken);
        var page = pass.Page();
        var ids = page.Select(h => h.Id).ToList();
        var summaries = (await db.SummariesAsync(ids, cancellationToken)).ToDictionary(a => a.Id);
        var marked = query.Text.FtsExpression is { } fts
            ? await MarkAsync(fts, ids, cancellationToken)
            : [];

        var items = page
            .Where(h => summaries.ContainsKey(h.Id))
            .Select(h => Hit(summaries[h.Id], marked.GetValueOrDefault(h.Id), query.Sort == ArticleSort.Relevance ? h.Score : null, pass.StoryOf(h.Id)))
            .ToList();
        return new ArticleResults(query, pass.Total, pass.Articles, pass.Undated, items, pass.Facets(), await SuggestAsync(query.Text, cancellationToken));
    }

    /// <summary>The query as typed with each rare or unknown word replaced by the likely intended one, or null.</summary>
    private async Task<string?> SuggestAsync(ParsedQuery text, CancellationToken cancellationToken)
    {
        if (text.Words.Count == 0)
        {
            return null;
        }

        var corrections = await spelling.CorrectionsAsync(text.Words, cancellationToken);
        return corrections.Count == 0 ? null : Word().Replace(text.Text, m => corrections.GetValueOrDefault(m.Value, m.Value));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public async Task<MarkedArticle?> MarkAsync(int id, ParsedQuery text, CancellationToken cancellationToken = default)
    {
        if (text.FtsExpression is not { } expression)
        {
            return null;
        }

        await using var command = await db.CommandAsync(
            """
            SELECT highlight(ArticlesFts, 0, $open, $close), highlight(ArticlesFts, 1, $open, $close), highlight(ArticlesFts, 2, $open, $close)
            FROM ArticlesFts WHERE ArticlesFts MATCH $match AND rowid = $id
            """,
            cancellationToken,
            ("$match", expression), ("$open", Snippets.Open), ("$close", Snippets.Close), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var summary = reader.IsDBNull(1) ? null : Snippets.ToHtml(reader.GetString(1));
        var paragraphs = reader.IsDBNull(2) ? [] : reader.GetString(2).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(Snippets.ToHtml).ToList();
        return new MarkedArticle(Snippets.ToHtml(reader.GetString(0)), summary, paragraphs);
    }

    public async Task<ArticleExport> ExportAsync(ArticleQuery query, int limit, CancellationToken cancellationToken = default)
    {
        var pass = await PassAsync(query with { Page = 1, PageSize = limit }, cancellationToken);
        return new ArticleExport(pass.Total, Read(pass.Page().Select(h => h.Id).ToList(), cancellationToken));

        // Rows in chunks, in result order, so a large export streams instead of sitting in memory.
        async IAsyncEnumerable<ArticleSummary> Read(List<int> ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
        {
            foreach (var chunk in ids.Chunk(500))
            {
                foreach (var summary in await db.SummariesAsync(chunk, token))
                {
                    yield return summary;
                }
            }
        }
    }

    private async Task<ResultPass> PassAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        var pass = new ResultPass(query, await catalog.CurrentAsync(cancellationToken));
        if (query.Text.FtsExpression is { } expression)
        {
            await ReadMatchesAsync(expression, ranked: query.Sort == ArticleSort.Relevance, pass, cancellationToken);
        }
        else
        {
            pass.AddAll();
        }

        pass.Finish();
        return pass;
    }

    private async Task ReadMatchesAsync(string expression, bool ranked, ResultPass pass, CancellationToken cancellationToken)
    {
        await using var command = await db.CommandAsync(
            ranked
                ? $"SELECT rowid, {Fts.Rank} FROM ArticlesFts WHERE ArticlesFts MATCH $match"
                : "SELECT rowid FROM ArticlesFts WHERE ArticlesFts MATCH $match",
            cancellationToken,
            ("$match", expression));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // SQLite runs in-process, so ReadAsync only wraps Read; per row, over hundreds of thousands of matches, that wrapping is most of the cost.
        for (var rows = 1; reader.Read(); rows++)
        {
            // bm25() is lower for better matches; scores are shown higher-is-better.
            pass.Add(reader.GetInt32(0), ranked ? -reader.GetDouble(1) : 0);
            if (rows % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>The title and the best passage of each article on the page, with the matched terms between markers.</summary>
    private async Task<Dictionary<int, (string Title, string Snippet)>> MarkAsync(string expression, List<int> ids, CancellationToken cancellationToken)
    {
        var marked = new Dictionary<int, (string, string)>();
        if (ids.Count == 0)
        {
            return marked;
        }

        // One statement for the whole page: the MATCH is evaluated once, walking only the page's rowid range, and the
        // unindexable "+rowid IN" keeps the page's own rows. (A statement per hit re-evaluated a prefix or an alias
        // group twenty times: econom* 21.9 ms against 0.7 ms.) Summary and body passages both; the body's is
        // preferred when it holds a match. The ids are the engine's own integers, never user text.
        await using var command = await db.CommandAsync(
            $"""
            SELECT rowid,
                   highlight(ArticlesFts, 0, $open, $close),
                   snippet(ArticlesFts, 2, $open, $close, '…', {Snippets.Words}),
                   snippet(ArticlesFts, 1, $open, $close, '…', {Snippets.Words})
            FROM ArticlesFts
            WHERE ArticlesFts MATCH $match AND rowid BETWEEN {ids.Min()} AND {ids.Max()} AND +rowid IN ({string.Join(',', ids)})
            """,
            cancellationToken,
            ("$match", expression), ("$open", Snippets.Open), ("$close", Snippets.Close));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var body = reader.IsDBNull(2) ? "" : reader.GetString(2);
            var summary = reader.IsDBNull(3) ? "" : reader.GetString(3);
            marked[reader.GetInt32(0)] = (reader.IsDBNull(1) ? "" : reader.GetString(1), Snippets.HasMark(body) || !Snippets.HasMark(summary) ? body : summary);
        }

        return marked;
    }

    private static SearchHit Hit(ArticleSummary article, (string Title, string Snippet) marked, double? score, StoryVersions story) =>
        marked.Title is null
            ? new SearchHit(article, Snippets.Encode(article.Title), Snippets.Lead(article.Summary), score, story)
            : new SearchHit(article, Snippets.ToHtml(marked.Title), Snippets.ToHtml(marked.Snippet), score, story);
}
