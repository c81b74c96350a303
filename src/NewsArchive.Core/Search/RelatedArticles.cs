using System.Collections.Frozen;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>An article and the ones most like it: what the article page shows.</summary>
public sealed record ArticleWithRelated(ArticleDetail Article, IReadOnlyList<ArticleSummary> Related);

/// <summary>
/// The articles most like a given one. Its distinctive terms are the stems of its title and body weighed by how
/// often it uses them (tf, a title word counting <see cref="TitleWeight"/> times: the words a story keeps repeating
/// are its topic) and by how few articles do (ln N/df from the index's vocabulary). Stop words, numbers, terms of no
/// other article and terms of more than one article in <see cref="CommonTermShare"/> are skipped: the last are no
/// mark of a topic, and they would make the query read thousands of articles. The best
/// <see cref="TermCount"/> are OR-ed into one FTS5 query ranked by <see cref="Fts.Rank"/>, the article itself excluded.
/// Each term enters the query as one of the article's own words that stems to it, never as the bare stem: Porter is
/// not idempotent (agreed → agre → agr), so a quoted stem may not find itself.
/// </summary>
public sealed class RelatedArticles(ArchiveDbContext db, ArticleStore store, ArchiveStatistics statistics)
{
    private const int TermCount = 12;

    private const int TitleWeight = 3;

    private const int CommonTermShare = 20;

    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "about", "above", "after", "again", "against", "all", "also", "and", "any", "are", "because", "been", "before",
        "being", "below", "between", "both", "but", "can", "could", "did", "does", "doing", "down", "during", "each",
        "even", "few", "for", "from", "further", "had", "has", "have", "having", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "into", "its", "itself", "just", "like", "made", "make", "many", "more", "most", "much",
        "must", "new", "not", "now", "off", "once", "one", "only", "other", "our", "ours", "ourselves", "out", "over",
        "own", "said", "same", "say", "says", "she", "should", "since", "some", "still", "such", "than", "that", "the",
        "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "too",
        "two", "under", "until", "very", "was", "way", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "year", "years", "yet", "you", "your", "yours", "yourself", "yourselves");

    /// <summary>The most similar other articles, best first; none for an unknown id.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> FindAsync(int articleId, int count, CancellationToken cancellationToken) =>
        (await ReadAsync(articleId, count, cancellationToken))?.Related ?? [];

    /// <summary>The article with its <paramref name="count"/> most similar others; null for an unknown id.</summary>
    public async Task<ArticleWithRelated?> ReadAsync(int articleId, int count, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(articleId, cancellationToken) is not { } article)
        {
            return null;
        }

        var words = DistinctiveWords(article, await statistics.VocabularyAsync(cancellationToken));
        if (words.Count == 0)
        {
            return new ArticleWithRelated(article, []);
        }

        var ids = await db.QueryAsync(
            $"SELECT rowid FROM ArticlesFts WHERE ArticlesFts MATCH $match AND rowid <> $id ORDER BY {Fts.Rank} LIMIT $count",
            row => row.GetInt32(0),
            cancellationToken,
            ("$match", string.Join(" OR ", words.Select(Fts.Quote))),
            ("$id", articleId),
            ("$count", count));
        return new ArticleWithRelated(article, await db.SummariesAsync(ids, cancellationToken));
    }

    /// <summary>For each of the article's most distinctive terms, a word of the article that stems to it.</summary>
    private static List<string> DistinctiveWords(ArticleDetail article, Vocabulary vocabulary)
    {
        var terms = new Dictionary<string, (string Word, int Count)>(StringComparer.Ordinal);
        foreach (var (text, weight) in new[] { (article.Article.Title, TitleWeight), (article.Body, 1) })
        {
            foreach (var word in IndexTokens.Of(text).Where(w => w.Length >= 3 && !StopWords.Contains(w) && !w.Any(char.IsDigit)))
            {
                var term = PorterStemmer.Stem(word);
                terms[term] = (word, terms.GetValueOrDefault(term).Count + weight);
            }
        }

        var maxArticles = Math.Max(2, vocabulary.Articles / CommonTermShare);
        return terms
            .Select(t => (t.Value.Word, Articles: vocabulary.DocumentsWith(t.Key), t.Value.Count))
            .Where(t => t.Articles >= 2 && t.Articles <= maxArticles)
            .Select(t => (t.Word, Weight: t.Count * Math.Log((double)vocabulary.Articles / t.Articles)))
            .Where(t => t.Weight > 0)
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.Word, StringComparer.Ordinal)
            .Take(TermCount)
            .Select(t => t.Word)
            .ToList();
    }
}
