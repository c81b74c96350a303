namespace NewsArchive.Core.Search;

/// <summary>
/// One pass over the candidate articles of a query (all of them, or the ids the full-text index matched): applies
/// the outlet and date filters from the catalog (<see cref="CandidatePass"/>) and the entity filter, counts the facets,
/// and keeps the best <c>Skip + PageSize</c> in a bounded heap, so the total is exact and any page, the last included,
/// costs one pass.
/// When the query collapses stories, the matching versions of a story are one result: its earliest matching
/// article, ranked by its best matching version's score. Totals, undated count and facets then count results
/// (stories), so that a facet's count is still the total its click gives; <see cref="Articles"/> counts articles.
/// </summary>
internal sealed class ResultPass : CandidatePass
{
    private readonly ArticleQuery query;
    private readonly int[] outletCounts;
    private readonly int[] required;
    private readonly int[] entityCounts;
    private readonly int[] yearCounts;
    private readonly int[] monthCounts = new int[13];
    private readonly Dictionary<int, Story> stories = [];
    private readonly HashSet<(Facet, int Value, int Cluster)> countedStories = [];
    private readonly Comparer<Candidate> order;
    private readonly PriorityQueue<Candidate, Candidate> kept;
    private readonly int keep;

    public ResultPass(ArticleQuery query, CatalogSnapshot snapshot)
        : base(query, snapshot)
    {
        this.query = query;
        outletCounts = new int[OutletSlots];
        // An entity no article names matches nothing: its id, 0, is in no article's list.
        required = [.. query.Entities.Select(slug => snapshot.Entities.BySlug.GetValueOrDefault(slug)?.Id ?? 0)];
        entityCounts = new int[snapshot.Entities.ById.Length];
        yearCounts = new int[snapshot.Years];
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

    /// <summary>The entities every result names, those the archive knows.</summary>
    public IReadOnlyList<CatalogEntity> Entities => [.. required.Select(id => Snapshot.Entities.ById[id]).OfType<CatalogEntity>()];

    protected override void Add(int id, double score)
    {
        var outlet = OutletOf(id);
        if (outlet == 0)
        {
            return;
        }

        var entities = Snapshot.Entities.Of(id);
        foreach (var entity in required)
        {
            if (!entities.Contains(entity))
            {
                return;
            }
        }

        var seconds = Snapshot.SecondsOf[id];
        var dated = seconds != CatalogSnapshot.Undated;
        var inDates = InDates(seconds);
        var inOutlets = InOutlets(outlet);
        var cluster = query.Collapse ? Snapshot.ClusterOf[id] : 0;
        if (inDates && FirstOfStory(Facet.Outlet, outlet, cluster))
        {
            outletCounts[outlet]++;
        }

        if (inOutlets && dated)
        {
            var month = Snapshot.MonthOf[id];
            if (FirstOfStory(Facet.Year, month / 12, cluster))
            {
                yearCounts[month / 12 - Snapshot.FirstYear]++;
            }

            if (month / 12 == query.SingleYear && FirstOfStory(Facet.Month, month % 12 + 1, cluster))
            {
                monthCounts[month % 12 + 1]++;
            }
        }

        if (!inDates || !inOutlets)
        {
            return;
        }

        Articles++;
        foreach (var entity in entities)
        {
            if (FirstOfStory(Facet.Entity, entity, cluster))
            {
                entityCounts[entity]++;
            }
        }

        var candidate = new Candidate(id, score, seconds);
        if (cluster == 0)
        {
            Keep(candidate);
        }
        else
        {
            stories[cluster] = stories.TryGetValue(cluster, out var story) ? story.With(candidate, Snapshot) : new Story(candidate, score);
        }
    }

    /// <summary>Ends the pass: each story of several matching versions enters the running as one result.</summary>
    public override void Finish()
    {
        foreach (var story in stories.Values)
        {
            Keep(story.Earliest with { Score = story.BestScore });
        }

        stories.Clear();
    }

    /// <summary>The page's articles, each with its story in the archive.</summary>
    public StoryVersions StoryOf(int id) => Snapshot.StoryOf(id);

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
        Snapshot.Outlets
            .Where(o => outletCounts[o.Id] > 0)
            .Select(o => new OutletCount(o.Name, o.Slug, outletCounts[o.Id]))
            .OrderByDescending(o => o.Count).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToList(),
        yearCounts.Select((count, i) => new PeriodCount(Snapshot.FirstYear + i, 0, count)).Where(y => y.Count > 0).ToList(),
        query.SingleYear is { } year
            ? Enumerable.Range(1, 12).Where(m => monthCounts[m] > 0).Select(m => new PeriodCount(year, m, monthCounts[m])).ToList()
            : [],
        TopEntities());

    /// <summary>
    /// The <see cref="SearchFacets.EntitiesPerKind"/> entities of each kind named by the most results, the filtered
    /// ones aside: one look at each entity's count, a bounded heap per kind.
    /// </summary>
    private List<EntityCount> TopEntities()
    {
        var order = Comparer<(int Count, string Name)>.Create((a, b) =>
            a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.Compare(b.Name, a.Name, StringComparison.OrdinalIgnoreCase));
        // One heap per kind, by the kind's number; the worst count kept so far turns most entities away with one comparison.
        var best = new PriorityQueue<CatalogEntity, (int, string)>[4];
        var worst = new int[4];
        for (var kind = 1; kind < best.Length; kind++)
        {
            best[kind] = new(order);
        }

        var byId = Snapshot.Entities.ById;
        for (var id = 1; id < entityCounts.Length; id++)
        {
            var count = entityCounts[id];
            if (count == 0 || byId[id] is not { } entity || (required.Length > 0 && required.Contains(id)))
            {
                continue;
            }

            var kind = (int)entity.Kind;
            var heap = best[kind];
            if (heap.Count < SearchFacets.EntitiesPerKind)
            {
                heap.Enqueue(entity, (count, entity.Name));
            }
            else if (count >= worst[kind])
            {
                heap.EnqueueDequeue(entity, (count, entity.Name));
            }
            else
            {
                continue;
            }

            worst[kind] = heap.TryPeek(out _, out var least) ? least.Item1 : 0;
        }

        return [.. best.Skip(1)
            .SelectMany(heap => heap.UnorderedItems.Select(i => new EntityCount(i.Element.Kind, i.Element.Name, i.Element.Slug, entityCounts[i.Element.Id])))
            .OrderBy(e => e.Kind).ThenByDescending(e => e.Count).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private enum Facet
    {
        Outlet,
        Year,
        Month,
        Entity,
    }

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
