using NewsArchive.Core.Parsing;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

public sealed record TitleSuggestion(int Id, string Title, string Outlet, ArticleDate? PublishedAt);

public sealed record Suggestions(string Query, IReadOnlyList<OutletCount> Outlets, IReadOnlyList<TitleSuggestion> Titles);

/// <summary>
/// What a search box offers while a person types: outlets whose name or slug starts with the text (or has a word
/// that does), and headlines holding every typed word, the last one, still being typed, as a prefix ("iran nuc"
/// finds "Iran's President Rouhani slams US ... nuclear deal"). It runs per keystroke, so its work is bounded:
/// outlets come from memory, headlines from one FTS5 query on a prefix of at least two letters.
/// </summary>
public sealed class TypeaheadSuggester(ArchiveDbContext db, ArchiveStatistics statistics, ArchiveSummaryCache summaries)
{
    public const int MaxQueryLength = 200;

    private const int Limit = 8;

    /// <summary>A one-letter prefix matches half the index: no use to a person, and the slowest query there is.</summary>
    private const int MinPrefixLength = 2;

    /// <summary>How far an unfinished word may run past the stem it will end on ("governm" past govern).</summary>
    private const int MaxSuffixTyped = 4;

    /// <summary>Suggestions for the text typed so far; nothing for blank text.</summary>
    public async Task<Suggestions> SuggestAsync(string query, CancellationToken cancellationToken)
    {
        var text = query.Trim();
        return text.Length == 0
            ? new Suggestions(query, [], [])
            : new Suggestions(query, await OutletsAsync(IndexTokens.Fold(text), cancellationToken), await TitlesAsync(text, cancellationToken));
    }

    /// <summary>Name or slug starting with the text first, then a later word of the name starting with it; the largest first.</summary>
    private async Task<IReadOnlyList<OutletCount>> OutletsAsync(string folded, CancellationToken cancellationToken) =>
        [
            .. (await summaries.GetAsync(cancellationToken)).Outlets
                .Select(outlet => new OutletCount(outlet.Name, outlet.Slug, outlet.Articles))
                .Select(outlet => (Outlet: outlet, Rank: Rank(outlet, folded)))
                .Where(match => match.Rank >= 0)
                .OrderBy(match => match.Rank)
                .ThenByDescending(match => match.Outlet.Count)
                .Take(Limit)
                .Select(match => match.Outlet),
        ];

    /// <summary>0 when the name or slug starts with the text, 1 when a later word of the name does, -1 otherwise.</summary>
    private static int Rank(OutletCount outlet, string folded)
    {
        var name = IndexTokens.Fold(outlet.Name);
        if (name.StartsWith(folded, StringComparison.Ordinal) || outlet.Slug.StartsWith(folded, StringComparison.Ordinal))
        {
            return 0;
        }

        for (var at = name.IndexOf(folded, 1, StringComparison.Ordinal); at > 0; at = name.IndexOf(folded, at + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetterOrDigit(name[at - 1]))
            {
                return 1;
            }
        }

        return -1;
    }

    /// <summary>Headlines holding every finished word and, when the text ends inside a word, a word starting with it; best first.</summary>
    private async Task<IReadOnlyList<TitleSuggestion>> TitlesAsync(string text, CancellationToken cancellationToken)
    {
        var words = IndexTokens.Of(text).ToList();
        var unfinished = words.Count > 0 && char.IsLetterOrDigit(text[^1]) ? words[^1] : null;
        if (unfinished is not null)
        {
            words.RemoveAt(words.Count - 1);
        }

        var terms = words.Select(Fts.Quote).ToList();
        if (unfinished is { Length: >= MinPrefixLength })
        {
            terms.Add(PrefixTerm(unfinished, await statistics.VocabularyAsync(cancellationToken)));
        }

        if (terms.Count == 0)
        {
            return [];
        }

        var ids = await db.QueryAsync(
            $"SELECT rowid FROM ArticlesFts WHERE ArticlesFts MATCH $match ORDER BY {Fts.Rank} LIMIT $limit",
            row => row.GetInt32(0),
            cancellationToken,
            ("$match", $"Title : ({string.Join(" AND ", terms)})"),
            ("$limit", Limit));
        return [.. (await db.SummariesAsync(ids, cancellationToken)).Select(a => new TitleSuggestion(a.Id, a.Title, a.Outlet, a.PublishedAt))];
    }

    /// <summary>
    /// The unfinished word as an FTS5 prefix. FTS5 stems the prefix as it stems words, and the index holds stems, so
    /// "governm" is no prefix of govern, the stem of "government": the longest term of the vocabulary that the
    /// unfinished word runs a few letters past is matched as well.
    /// </summary>
    private static string PrefixTerm(string unfinished, Vocabulary vocabulary)
    {
        var prefix = Fts.Quote(unfinished) + " *";
        for (var length = unfinished.Length - 1; length >= Math.Max(4, unfinished.Length - MaxSuffixTyped); length--)
        {
            var term = unfinished[..length];
            if (vocabulary.DocumentsWith(term) > 0 && PorterStemmer.Stem(term) == term)
            {
                return $"({prefix} OR {Fts.Quote(term)})";
            }
        }

        return prefix;
    }
}
