namespace NewsArchive.Core.Search;

/// <summary>
/// One pass over a query's candidates (every article, or the ids its full-text expression matched) with the query's
/// outlet and date filters as array lookups in one catalog snapshot: the outlets named (by the filter or by outlet:
/// in the text), those excluded (-outlet:), and the date range. What a pass collects is its own: a page and facets
/// (<see cref="ResultPass"/>) or counts per month (<see cref="MonthPass"/>).
/// </summary>
internal abstract class CandidatePass
{
    private readonly bool[]? included;
    private readonly bool[] excluded;
    private readonly long from;
    private readonly long to;
    private readonly bool dateFiltered;

    protected CandidatePass(ArticleQuery query, CatalogSnapshot snapshot)
    {
        Snapshot = snapshot;
        OutletSlots = snapshot.Outlets.Count == 0 ? 1 : snapshot.Outlets.Max(o => o.Id) + 1;
        var named = query.Outlets.Concat(query.Text.Outlets).ToList();
        if (named.Count > 0)
        {
            included = new bool[OutletSlots];
            foreach (var outlet in snapshot.Named(named))
            {
                included[outlet.Id] = true;
            }
        }

        excluded = new bool[OutletSlots];
        foreach (var outlet in snapshot.Named(query.Text.ExcludedOutlets))
        {
            excluded[outlet.Id] = true;
        }

        dateFiltered = query.From is not null || query.To is not null;
        from = query.From is { } start ? Seconds(start.Start) : long.MinValue;
        to = query.To is { } end ? Seconds(end.EndExclusive) : long.MaxValue;
    }

    protected CatalogSnapshot Snapshot { get; }

    /// <summary>The length of an array indexed by outlet id.</summary>
    protected int OutletSlots { get; }

    /// <summary>Every article in the archive is a candidate: browsing without a query.</summary>
    public void AddAll()
    {
        for (var id = 1; id < Snapshot.OutletOf.Length; id++)
        {
            Add(id, 0);
        }
    }

    /// <summary>What the full-text expression matched, when the candidates came from one.</summary>
    public Matches? Matched { get; private set; }

    /// <summary>The articles a full-text expression matched.</summary>
    public void AddAll(Matches matches)
    {
        Matched = matches;
        for (var i = 0; i < matches.Ids.Length; i++)
        {
            Add(matches.Ids[i], matches.Scores?[i] ?? 0);
        }
    }

    /// <summary>Ends the pass, once every candidate is added.</summary>
    public virtual void Finish()
    {
    }

    protected abstract void Add(int id, double score);

    /// <summary>
    /// The candidate's outlet, or 0 when it is out of the running whatever the other filters say: an id the snapshot
    /// does not hold yet (committed after it was read; it waits for the next snapshot), or an excluded outlet.
    /// </summary>
    protected int OutletOf(int id) =>
        (uint)id >= (uint)Snapshot.OutletOf.Length || Snapshot.OutletOf[id] is var outlet && excluded[outlet] ? 0 : outlet;

    protected bool InOutlets(int outlet) => included is null || included[outlet];

    /// <summary>True without a date range; with one, only for an article dated inside it.</summary>
    protected bool InDates(long seconds) => !dateFiltered || seconds != CatalogSnapshot.Undated && seconds >= from && seconds < to;

    private static long Seconds(DateTime value) => (long)(value - DateTime.UnixEpoch).TotalSeconds;
}
