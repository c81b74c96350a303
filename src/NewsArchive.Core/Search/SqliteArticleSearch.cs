using System.Text.RegularExpressions;
using NewsArchive.Core.Search.Query;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// Answers <see cref="ArticleQuery"/> from the archive: FTS5 finds the matching ids (with their BM25 score when the
/// order is relevance; shared and kept by the <see cref="MatchCache"/>), one pass over them in the <see cref="ArchiveCatalog"/> applies the outlet and date filters,
/// counts the facets and keeps the requested page; then only that page's rows, snippets and highlights are read.
/// A comparison makes the same pass per query, counting months instead (<see cref="MonthPass"/>).
/// </summary>
public sealed partial class SqliteArticleSearch(ArchiveDbContext db, ArchiveCatalog catalog, MatchCache matches, SpellingSuggester spelling) : IArticleSearch
{
    public async Task<ArticleResults> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        var pass = await PassAsync(query, cancellationToken);
        var page = pass.Page();
        var ids = page.Select(h => h.Id).ToList();
        var summaries = (await db.SummariesAsync(ids, cancellationToken)).ToDictionary(a => a.Id);
        var marked = query.Text.HasText
            ? await MarkAsync(query.Text, ids, pass.Matched, cancellationToken)
            : [];

        var items = page
            .Where(h => summaries.ContainsKey(h.Id))
            .Select(h => Hit(summaries[h.Id], marked.GetValueOrDefault(h.Id), query.Sort == ArticleSort.Relevance ? h.Score : null, pass.StoryOf(h.Id)))
            .ToList();
        return new ArticleResults(query, pass.Total, pass.Articles, pass.Undated, items, pass.Facets(), await SuggestAsync(query.Text, cancellationToken))
        {
            Entities = pass.Entities,
        };
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

    public async Task<Comparison> CompareAsync(IReadOnlyList<ArticleQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(queries.Count);
        // One snapshot for every query, so the series count the same archive. Counting needs no scores.
        var snapshot = await catalog.CurrentAsync(cancellationToken);
        var passes = new List<MonthPass>();
        foreach (var query in queries)
        {
            passes.Add(await FeedAsync(new MonthPass(query, snapshot), query.Text, ranked: false, snapshot, cancellationToken));
        }

        return Comparison.Of(queries, passes, snapshot);
    }

    private async Task<ResultPass> PassAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.CurrentAsync(cancellationToken);
        return await FeedAsync(new ResultPass(query, snapshot), query.Text, ranked: query.Sort == ArticleSort.Relevance, snapshot, cancellationToken);
    }

    /// <summary>Gives a pass its candidates: the ids the full-text index matches, or every article when there is no text to match.</summary>
    private async Task<TPass> FeedAsync<TPass>(TPass pass, ParsedQuery text, bool ranked, CatalogSnapshot snapshot, CancellationToken cancellationToken)
        where TPass : CandidatePass
    {
        if (text.FtsExpression is { } expression)
        {
            pass.AddAll(await matches.GetAsync(snapshot, expression, ranked, cancellationToken));
        }
        else
        {
            pass.AddAll();
        }

        pass.Finish();
        return pass;
    }

    /// <summary>Above this many matches in the page's rowid range, each hit is marked by its own statement (unless the query has a prefix).</summary>
    private const int WideRange = 10_000;

    /// <summary>The title and the best passage of each article on the page, with the matched terms between markers.</summary>
    private async Task<Dictionary<int, (string Title, string Snippet)>> MarkAsync(ParsedQuery text, List<int> ids, Matches? matched, CancellationToken cancellationToken)
    {
        var marked = new Dictionary<int, (string, string)>();
        if (ids.Count == 0)
        {
            return marked;
        }

        // Usually one statement for the whole page: the MATCH is evaluated once, walking only the page's rowid range,
        // and the unindexable "+rowid IN" keeps the page's own rows. (A statement per hit re-evaluated a prefix or an
        // alias group twenty times: econom* 21.9 ms against 0.7 ms.) But when that range holds a large part of a
        // common term's matches, walking it costs more than twenty seeks (`said` at a million articles: 72 ms against
        // 10). Not with a prefix, though: each statement expands it over the whole index again (sai* OR tha* OR wit* OR
        // fro*, 100 hits at 100,000 articles: 4.6 s hit by hit). Summary and body passages both; the body's is
        // preferred when it holds a match. The ids are the engine's own integers, never user text.
        var (first, last) = (ids.Min(), ids.Max());
        string[] rows = !text.HasPrefix && matched is not null && CountBetween(matched.Ids, first, last) > WideRange
            ? [.. ids.Select(id => $"rowid = {id}")]
            : [$"rowid BETWEEN {first} AND {last} AND +rowid IN ({string.Join(',', ids)})"];
        foreach (var condition in rows)
        {
            await using var command = await db.CommandAsync(
                $"""
                SELECT rowid,
                       highlight(ArticlesFts, 0, $open, $close),
                       snippet(ArticlesFts, 2, $open, $close, '…', {Snippets.Words}),
                       snippet(ArticlesFts, 1, $open, $close, '…', {Snippets.Words})
                FROM ArticlesFts
                WHERE ArticlesFts MATCH $match AND {condition}
                """,
                cancellationToken,
                ("$match", text.FtsExpression!), ("$open", Snippets.Open), ("$close", Snippets.Close));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var body = reader.IsDBNull(2) ? "" : reader.GetString(2);
                var summary = reader.IsDBNull(3) ? "" : reader.GetString(3);
                marked[reader.GetInt32(0)] = (reader.IsDBNull(1) ? "" : reader.GetString(1), Snippets.HasMark(body) || !Snippets.HasMark(summary) ? body : summary);
            }
        }

        return marked;
    }

    /// <summary>How many of the ascending <paramref name="ids"/> lie in [first, last].</summary>
    private static int CountBetween(int[] ids, int first, int last)
    {
        var from = Array.BinarySearch(ids, first);
        var to = Array.BinarySearch(ids, last);
        return (to < 0 ? ~to : to + 1) - (from < 0 ? ~from : from);
    }

    private static SearchHit Hit(ArticleSummary article, (string Title, string Snippet) marked, double? score, StoryVersions story) =>
        marked.Title is null
            ? new SearchHit(article, Snippets.Encode(article.Title), Snippets.Lead(article.Summary), score, story)
            : new SearchHit(article, Snippets.ToHtml(marked.Title), Snippets.ToHtml(marked.Snippet), score, story);
}
