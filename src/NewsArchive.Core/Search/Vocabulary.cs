namespace NewsArchive.Core.Search;

/// <summary>
/// The index's terms (stems) that at least two articles share, each with the number of articles holding it: the
/// document frequencies related articles weigh terms by, and the dictionary spelling suggestions search. A term of
/// a single article (half the index's terms: typos, numbers, codes) is left out, as it is neither worth suggesting
/// nor shared with another article.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> documents;

    /// <summary>The terms by first letter: a misspelt first letter is rare, and a suggestion then searches one shelf.</summary>
    private readonly Dictionary<char, string[]> byInitial;

    public Vocabulary(int articles, Dictionary<string, int> documents)
    {
        Articles = articles;
        this.documents = documents;
        byInitial = documents.Keys.GroupBy(term => term[0]).ToDictionary(shelf => shelf.Key, shelf => shelf.ToArray());
    }

    /// <summary>No terms: what suggestions know before the first read.</summary>
    public static Vocabulary None { get; } = new(0, []);

    /// <summary>Articles in the archive.</summary>
    public int Articles { get; }

    /// <summary>Articles holding the term; 0 for a term of one article or none.</summary>
    public int DocumentsWith(string term) => documents.GetValueOrDefault(term);

    /// <summary>Terms with the same first letter within <paramref name="maxDistance"/> edits of <paramref name="term"/>, itself excluded.</summary>
    public IEnumerable<(string Term, int Distance)> Near(string term, int maxDistance) =>
        byInitial.GetValueOrDefault(term[0], [])
            .Where(candidate => Math.Abs(candidate.Length - term.Length) <= maxDistance && candidate != term)
            .Select(candidate => (candidate, EditDistance.Between(term, candidate, maxDistance)))
            .Where(near => near.Item2 <= maxDistance);
}
