using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// "Did you mean": for the words of a query, a better spelling where the archive has one. The index holds stems,
/// so a typed word is looked at twice.
/// <list type="number">
/// <item>Its own stem. A stem in more than <see cref="ArticlesRead"/> articles is a word of the archive and gets no
/// suggestion. Otherwise every occurrence of it is read back as printed (FTS5's highlight() over all its articles).
/// Stemming forgives some misspellings: "Soleimany" and "Soleimani" both stem to soleimani, so the search already
/// finds the articles, yet the person should learn how the archive spells the name. So when the typed form is never
/// printed while one a likely typo away is, at least twice, that one is suggested. A form that differs only after
/// the stem ("Soleimanis", "abducts") is grammar, not spelling, and is left alone.</item>
/// <item>Close stems. The vocabulary's frequent terms one or two edits from the stem are candidates: "cooperetion"
/// stems to cooperet, two edits from cooper. The most frequent few are read back as printed in some of their
/// articles, and the printed form nearest to what was typed wins ("cooperation", not "Cooper") if the typed word is
/// a likely typo of it. A word the archive never prints is a typo when it is one edit from a word of at least
/// <see cref="MinCorrectionArticles"/> articles (two edits for long words). A word it does print is more likely a
/// rare word than a typo ("tirade", not "trade"), so that takes a long word, a single edit, and a correction in
/// <see cref="PrintedWordRatio"/> times as many articles: "goverment" is printed in 10 articles, "government" in
/// 3,552.</item>
/// </list>
/// Short all-capital words are acronyms (SFA, DVI): they get no suggestion. Each word costs a dictionary lookup and,
/// for a rare word only, a few FTS5 queries over a bounded number of articles.
/// </summary>
public sealed class SpellingSuggester(ArchiveDbContext db, ArchiveStatistics statistics)
{
    private const int MinLetters = 3;

    /// <summary>Articles read to see how a word is printed; a stem in more articles counts as correct.</summary>
    private const int ArticlesRead = 50;

    /// <summary>Articles read to see how a candidate correction is printed.</summary>
    private const int CandidateArticlesRead = 20;

    /// <summary>Articles a correction of a word the archive never prints must be in.</summary>
    private const int MinCorrectionArticles = 5;

    /// <summary>How many times as many articles a correction of a word the archive prints must be in.</summary>
    private const int PrintedWordRatio = 100;

    private const int MinPrintedWordLetters = 6;

    private const int MaxCandidates = 5;

    /// <summary>Typed word → suggested spelling, for the words that have one; in the typed word's case unless the suggestion is a name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CorrectionsAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var vocabulary = await statistics.VocabularyAsync(cancellationToken);
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            if (await CorrectionAsync(word, vocabulary, cancellationToken) is { } correction)
            {
                corrections[word] = InTypedCase(word, correction);
            }
        }

        return corrections;
    }

    /// <summary>The suggested spelling as printed, or null.</summary>
    private async Task<string?> CorrectionAsync(string word, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        if (word.Length < MinLetters || !word.All(char.IsLetter) || (word.Length <= 4 && IsAllCapitals(word)))
        {
            return null;
        }

        var typed = IndexTokens.Fold(word);
        var stem = PorterStemmer.Stem(typed);
        if (vocabulary.DocumentsWith(stem) > ArticlesRead)
        {
            return null;
        }

        var own = await PrintedFormsAsync(Fts.Quote(typed), stem, ArticlesRead + 1, cancellationToken);
        if (own.Articles > ArticlesRead)
        {
            return null;
        }

        if (own.Count(typed) == 0
            && own.Closest(typed, TypoDistance(typed), form => SharedPrefixLength(form, typed) < stem.Length) is { Count: >= 2 } respelt)
        {
            return own.AsPrinted(respelt.Form);
        }

        return await CloseTermAsync(word, typed, stem, own.Articles, vocabulary, cancellationToken);
    }

    /// <summary>
    /// The printed form nearest to the typed word among the most frequent terms near its stem, if much more
    /// frequent. Ties go to the form whose case agrees with the typed one (Kery: Kerry rather than key), then to the
    /// more frequent term.
    /// </summary>
    private async Task<string?> CloseTermAsync(string word, string typed, string stem, int articles, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var printedWord = articles > 0;
        if (printedWord && typed.Length < MinPrintedWordLetters)
        {
            return null;
        }

        var minimum = printedWord ? PrintedWordRatio * articles : MinCorrectionArticles;
        var typoDistance = printedWord ? 1 : TypoDistance(typed);
        var candidates = vocabulary.Near(stem, stem.Length <= 4 ? 1 : 2)
            .Select(near => (near.Term, Articles: vocabulary.DocumentsWith(near.Term)))
            .Where(near => near.Articles >= minimum)
            .OrderByDescending(near => near.Articles)
            .Take(MaxCandidates)
            .ToList();

        var corrections = new List<(string Printed, int Distance, bool CaseAgrees, int Articles)>();
        foreach (var (term, termArticles) in candidates)
        {
            // A term is found by a word that stems to it: itself, nearly always; else by the words it begins.
            var match = PorterStemmer.Stem(term) == term ? Fts.Quote(term) : Fts.Quote(term) + " *";
            var forms = await PrintedFormsAsync(match, term, CandidateArticlesRead, cancellationToken);
            if (forms.Closest(typed, typoDistance, _ => true) is { } form)
            {
                var printed = forms.AsPrinted(form.Form);
                corrections.Add((printed, form.Distance, char.IsUpper(word[0]) == printed.Any(char.IsUpper), termArticles));
            }
        }

        return corrections
            .OrderBy(c => c.Distance)
            .ThenByDescending(c => c.CaseAgrees)
            .ThenByDescending(c => c.Articles)
            .Select(c => c.Printed)
            .FirstOrDefault();
    }

    /// <summary>
    /// How the articles matching an FTS5 expression print the term <paramref name="stem"/>: highlight() marks each
    /// matched token in title, summary and body, and the marked words that stem to the term are counted.
    /// </summary>
    private async Task<PrintedForms> PrintedFormsAsync(string match, string stem, int articles, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync(
            """
            SELECT highlight(ArticlesFts, 0, char(1), char(2)), highlight(ArticlesFts, 1, char(1), char(2)), highlight(ArticlesFts, 2, char(1), char(2))
            FROM ArticlesFts WHERE ArticlesFts MATCH $match LIMIT $limit
            """,
            row => Enumerable.Range(0, 3).Select(column => row.IsDBNull(column) ? "" : row.GetString(column)).ToList(),
            cancellationToken,
            ("$match", match),
            ("$limit", articles));

        var forms = new PrintedForms(rows.Count);
        foreach (var text in rows.SelectMany(columns => columns))
        {
            for (var start = text.IndexOf('\u0001'); start >= 0; start = text.IndexOf('\u0001', start + 1))
            {
                var end = text.IndexOf('\u0002', start);
                if (end < 0)
                {
                    break;
                }

                foreach (var word in IndexTokens.Words(text[(start + 1)..end]).Where(w => PorterStemmer.Stem(IndexTokens.Fold(w)) == stem))
                {
                    forms.Add(word);
                }
            }
        }

        return forms;
    }

    /// <summary>A likely typo: one edit, two in a word of eight letters or more.</summary>
    private static int TypoDistance(string word) => word.Length < 8 ? 1 : 2;

    private static int SharedPrefixLength(string a, string b) => a.AsSpan().CommonPrefixLength(b);

    /// <summary>A name keeps its own case ("Soleimani", "NATO"); a common word takes the typed word's (cooperation, Cooperation, COOPERATION).</summary>
    private static string InTypedCase(string typed, string printed)
    {
        if (typed.Length > 1 && IsAllCapitals(typed))
        {
            return printed.ToUpperInvariant();
        }

        if (printed.Any(char.IsUpper))
        {
            return printed;
        }

        return char.IsUpper(typed[0]) ? char.ToUpperInvariant(printed[0]) + printed[1..] : printed;
    }

    private static bool IsAllCapitals(string word) => word.Any(char.IsUpper) && !word.Any(char.IsLower);

    /// <summary>The printed occurrences of a term in some articles, grouped by folded form.</summary>
    private sealed class PrintedForms(int articles)
    {
        private readonly Dictionary<string, Dictionary<string, int>> spellings = new(StringComparer.Ordinal);

        /// <summary>Articles read.</summary>
        public int Articles { get; } = articles;

        public void Add(string printed)
        {
            var folded = IndexTokens.Fold(printed);
            if (!spellings.TryGetValue(folded, out var variants))
            {
                spellings[folded] = variants = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            variants[printed] = variants.GetValueOrDefault(printed) + 1;
        }

        public int Count(string folded) => spellings.TryGetValue(folded, out var variants) ? variants.Values.Sum() : 0;

        /// <summary>The allowed form nearest to <paramref name="typed"/>, then the most frequent, at most <paramref name="maxDistance"/> edits away.</summary>
        public (string Form, int Distance, int Count)? Closest(string typed, int maxDistance, Func<string, bool> allowed) =>
            spellings.Keys
                .Where(form => form != typed && allowed(form))
                .Select(form => (Form: form, Distance: EditDistance.Between(typed, form, maxDistance), Count: Count(form)))
                .Where(form => form.Distance <= maxDistance)
                .OrderBy(form => form.Distance)
                .ThenByDescending(form => form.Count)
                .Select(form => ((string, int, int)?)form)
                .FirstOrDefault();

        /// <summary>The form's usual spelling, headline capitals ("COOPERATION") aside unless there is no other.</summary>
        public string AsPrinted(string folded) =>
            spellings[folded]
                .OrderBy(variant => IsAllCapitals(variant.Key))
                .ThenByDescending(variant => variant.Value)
                .ThenBy(variant => variant.Key, StringComparer.Ordinal)
                .First().Key;
    }
}
