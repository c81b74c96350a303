using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
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
        var summaries = await SummariesAsync(ids, cancellationToken);
        var marked = query.Text.FtsExpression is { } fts
            ? await MarkAsync(fts, ids, cancellationToken)
            : [];

        var items = page
            .Where(h => summaries.ContainsKey(h.Id))
            .Select(h => Hit(summaries[h.Id], marked.GetValueOrDefault(h.Id), query.Sort == ArticleSort.Relevance ? h.Score : null))
            .ToList();
        return new ArticleResults(query, pass.Total, pass.Undated, items, pass.Facets(), await SuggestAsync(query.Text, cancellationToken));
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

        await using var command = await CommandAsync(
            """
            SELECT highlight(ArticlesFts, 0, $open, $close), highlight(ArticlesFts, 1, $open, $close), highlight(ArticlesFts, 2, $open, $close)
            FROM ArticlesFts WHERE ArticlesFts MATCH $match AND rowid = $id
            """,
            cancellationToken);
        Parameter(command, "$match", expression);
        Parameter(command, "$open", Snippets.Open);
        Parameter(command, "$close", Snippets.Close);
        Parameter(command, "$id", id);
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
                var summaries = await SummariesAsync(chunk, token);
                foreach (var id in chunk.Where(summaries.ContainsKey))
                {
                    yield return summaries[id];
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

        return pass;
    }

    private Task<Dictionary<int, ArticleSummary>> SummariesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Articles.Where(a => ids.Contains(a.Id)).Select(ArticleSummary.Projection).ToDictionaryAsync(a => a.Id, cancellationToken);

    private async Task ReadMatchesAsync(string expression, bool ranked, ResultPass pass, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(
            ranked
                ? $"SELECT rowid, {Fts.Rank} FROM ArticlesFts WHERE ArticlesFts MATCH $match"
                : "SELECT rowid FROM ArticlesFts WHERE ArticlesFts MATCH $match",
            cancellationToken);
        Parameter(command, "$match", expression);
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
    private async Task<Dictionary<int, (string Title, string Snippet)>> MarkAsync(string expression, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        // Summary and body passages both, in one statement; the body's is preferred when it holds a match.
        await using var command = await CommandAsync(
            $"""
            SELECT highlight(ArticlesFts, 0, $open, $close),
                   snippet(ArticlesFts, 2, $open, $close, '…', {Snippets.Words}),
                   snippet(ArticlesFts, 1, $open, $close, '…', {Snippets.Words})
            FROM ArticlesFts WHERE ArticlesFts MATCH $match AND rowid = $id
            """,
            cancellationToken);
        Parameter(command, "$match", expression);
        Parameter(command, "$open", Snippets.Open);
        Parameter(command, "$close", Snippets.Close);
        var id = Parameter(command, "$id", 0);
        var marked = new Dictionary<int, (string, string)>();
        foreach (var articleId in ids)
        {
            id.Value = articleId;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var body = reader.IsDBNull(1) ? "" : reader.GetString(1);
                var summary = reader.IsDBNull(2) ? "" : reader.GetString(2);
                marked[articleId] = (reader.IsDBNull(0) ? "" : reader.GetString(0), Snippets.HasMark(body) || !Snippets.HasMark(summary) ? body : summary);
            }
        }

        return marked;
    }

    private static SearchHit Hit(ArticleSummary article, (string Title, string Snippet) marked, double? score) =>
        marked.Title is null
            ? new SearchHit(article, Snippets.Encode(article.Title), Snippets.Lead(article.Summary), score)
            : new SearchHit(article, Snippets.ToHtml(marked.Title), Snippets.ToHtml(marked.Snippet), score);

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        // Opened through EF, so the pooled context closes it when the request ends.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
