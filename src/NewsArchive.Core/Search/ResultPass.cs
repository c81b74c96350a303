namespace NewsArchive.Core.Search;

/// <summary>
/// One pass over the candidate articles of a query (all of them, or the ids the full-text index matched): applies
/// the outlet and date filters from the catalog, counts the facets, and keeps the best <c>Skip + PageSize</c> in a
/// bounded heap, so the total is exact and any page, the last included, costs one pass.
/// When the query collapses stories, the matching versions of a story are one result: its earliest matching
/// article, ranked by its best matching version's score. Totals, undated count and facets then count results
/// (stories), so that a facet's count is still the total its click gives; <see cref="Articles"/> counts articles.
/// </summary>
internal sealed class ResultPass
{
    private readonly ArticleQuery query;
    private readonly CatalogSnapshot snapshot;
    private readonly bool[]? included;
    private readonly bool[] excluded;
    private readonly long from;
    private readonly long to;
    private readonly bool dateFiltered;
    private readonly int[] outletCounts;
    private readonly SortedDictionary<int, int> yearCounts = [];
    private readonly int[] monthCounts = new int[13];
    private readonly Dictionary<int, Story> stories = [];
    private readonly HashSet<(Facet, int Value, int Cluster)> countedStories = [];
    private readonly Comparer<Candidate> order;
    private readonly PriorityQueue<Candidate, Candidate> kept;
    private readonly int keep;

    public ResultPass(ArticleQuery query, CatalogSnapshot snapshot)
    {
        this.query = query;
        this.snapshot = snapshot;
        var outletSlots = snapshot.Outlets.Count == 0 ? 1 : snapshot.Outlets.Max(o => o.Id) + 1;
        var named = query.Outlets.Concat(query.Text.Outlets).ToList();
        if (named.Count > 0)
        {
            included = new bool[outletSlots];
            foreach (var outlet in snapshot.Named(named))
            {
                included[outlet.Id] = true;
            }
        }

        excluded = new bool[outletSlots];
        foreach (var outlet in snapshot.Named(query.Text.ExcludedOutlets))
        {
            excluded[outlet.Id] = true;
        }

        dateFiltered = query.From is not null || query.To is not null;
        from = query.From is { } start ? Seconds(start.Start) : long.MinValue;
        to = query.To is { } end ? Seconds(end.EndExclusive) : long.MaxValue;
        outletCounts = new int[outletSlots];
        order = Order(query.Sort);
        // The heap's top is the worst article kept, the one to drop when a better one comes.
        kept = new PriorityQueue<Candidate, Candidate>(Comparer<Candidate>.Create((a, b) => order.Compare(b, a)));
        keep = query.Skip + query.PageSize;
    }

    /// <summary>Results: articles, or stories when the query collapses them.</summary>
    public int Total { get; private set; }

    /// <summary>Results without a date.</summary>
    public int Undated { get; private set; }

    /// <summary>Matching articles, every version of a story counted.</summary>
    public int Articles { get; private set; }

    /// <summary>Every article in the archive is a candidate: browsing without a query.</summary>
    public void AddAll()
    {
        for (var id = 1; id < snapshot.OutletOf.Length; id++)
        {
            Add(id, 0);
        }
    }

    public void Add(int id, double score)
    {
        // An id the snapshot does not hold yet (committed after it was read) waits for the next snapshot.
        if ((uint)id >= (uint)snapshot.OutletOf.Length || snapshot.OutletOf[id] is var outlet && outlet == 0 || excluded[outlet])
        {
            return;
        }

        var seconds = snapshot.SecondsOf[id];
        var dated = seconds != CatalogSnapshot.Undated;
        var inDates = !dateFiltered || dated && seconds >= from && seconds < to;
        var inOutlets = included is null || included[outlet];
        var cluster = query.Collapse ? snapshot.ClusterOf[id] : 0;
        if (inDates && FirstOfStory(Facet.Outlet, outlet, cluster))
        {
            outletCounts[outlet]++;
        }

        if (inOutlets && dated)
        {
            var published = DateTime.UnixEpoch.AddSeconds(seconds);
            if (FirstOfStory(Facet.Year, published.Year, cluster))
            {
                yearCounts[published.Year] = yearCounts.GetValueOrDefault(published.Year) + 1;
            }

            if (published.Year == query.SingleYear && FirstOfStory(Facet.Month, published.Month, cluster))
            {
                monthCounts[published.Month]++;
            }
        }

        if (!inDates || !inOutlets)
        {
            return;
        }

        Articles++;
        var candidate = new Candidate(id, score, seconds);
        if (cluster == 0)
        {
            Keep(candidate);
        }
        else
        {
            stories[cluster] = stories.TryGetValue(cluster, out var story) ? story.With(candidate, snapshot) : new Story(candidate, score);
        }
    }

    /// <summary>Ends the pass: each story of several matching versions enters the running as one result.</summary>
    public void Finish()
    {
        foreach (var story in stories.Values)
        {
            Keep(story.Earliest with { Score = story.BestScore });
        }

        stories.Clear();
    }

    /// <summary>The page's articles, each with its story in the archive.</summary>
    public StoryVersions StoryOf(int id) => snapshot.StoryOf(id);

    /// <summary>Whether a facet value counts this article: always when it is alone, once per story otherwise.</summary>
    private bool FirstOfStory(Facet facet, int value, int cluster) => cluster == 0 || countedStories.Add((facet, value, cluster));

    private void Keep(Candidate candidate)
    {
        Total++;
        Undated += candidate.Seconds == CatalogSnapshot.Undated ? 1 : 0;
        if (kept.Count < keep)
        {
            kept.Enqueue(candidate, candidate);
        }
        else if (order.Compare(candidate, kept.Peek()) < 0)
        {
            kept.DequeueEnqueue(candidate, candidate);
        }
    }

    /// <summary>The requested page, best first.</summary>
    public List<Candidate> Page()
    {
        var best = kept.UnorderedItems.Select(i => i.Element).ToList();
        best.Sort(order);
        return best.Skip(query.Skip).Take(query.PageSize).ToList();
    }

    public SearchFacets Facets() => new(
        snapshot.Outlets
            .Where(o => outletCounts[o.Id] > 0)
            .Select(o => new OutletCount(o.Name, o.Slug, outletCounts[o.Id]))
            .OrderByDescending(o => o.Count).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToList(),
        yearCounts.Select(y => new PeriodCount(y.Key, 0, y.Value)).ToList(),
        query.SingleYear is { } year
            ? Enumerable.Range(1, 12).Where(m => monthCounts[m] > 0).Select(m => new PeriodCount(year, m, monthCounts[m])).ToList()
            : []);

    private enum Facet
    {
        Outlet,
        Year,
        Month,
    }

    private static long Seconds(DateTime value) => (long)(value - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>Result order; ties fall to the date, then the id, so paging is stable. Undated articles come last.</summary>
    private static Comparer<Candidate> Order(ArticleSort sort) => sort switch
    {
        ArticleSort.Relevance => Comparer<Candidate>.Create((a, b) =>
            b.Score.CompareTo(a.Score) is var byScore && byScore != 0 ? byScore
            : b.Seconds.CompareTo(a.Seconds) is var byDate && byDate != 0 ? byDate
            : b.Id.CompareTo(a.Id)),
        ArticleSort.Newest => Comparer<Candidate>.Create((a, b) =>
            b.Seconds.CompareTo(a.Seconds) is var byDate && byDate != 0 ? byDate : b.Id.CompareTo(a.Id)),
        _ => Comparer<Candidate>.Create((a, b) =>
            (a.Seconds == CatalogSnapshot.Undated).CompareTo(b.Seconds == CatalogSnapshot.Undated) is var undatedLast && undatedLast != 0 ? undatedLast
            : a.Seconds.CompareTo(b.Seconds) is var byDate && byDate != 0 ? byDate
            : a.Id.CompareTo(b.Id)),
    };
}

/// <summary>An article in the running: its id, BM25 score (higher is better) and publication time.</summary>
internal readonly record struct Candidate(int Id, double Score, long Seconds);

/// <summary>The matching versions of a story so far: the earliest, shown for all, and the best score, which ranks it.</summary>
internal readonly record struct Story(Candidate Earliest, double BestScore)
{
    public Story With(Candidate version, CatalogSnapshot snapshot) => new(
        CatalogSnapshot.Earlier(version.Id, Earliest.Id, snapshot.SecondsOf) < 0 ? version : Earliest,
        Math.Max(BestScore, version.Score));
}
