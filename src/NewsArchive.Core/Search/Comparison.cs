using System.Runtime.InteropServices;

namespace NewsArchive.Core.Search;

/// <summary>
/// Several queries under the same filters, counted per calendar month side by side. <see cref="Months"/> runs without
/// gaps from the first month with a match to the last, or over the date filter where one is set (within the span of
/// the archive's dated articles, so a filter from the year 1 does not make tens of thousands of empty rows).
/// </summary>
/// <param name="Months">The first day of each month.</param>
public sealed record Comparison(IReadOnlyList<DateOnly> Months, IReadOnlyList<ComparedQuery> Queries)
{
    /// <summary>The months as <see cref="Months"/> and the counts of each query in them, read from one catalog snapshot.</summary>
    internal static Comparison Of(IReadOnlyList<ArticleQuery> queries, IReadOnlyList<MonthPass> passes, CatalogSnapshot snapshot)
    {
        var counted = passes.SelectMany(p => p.Months.Keys).ToList();
        var filters = queries[0];
        int? first = filters.From is { } from ? CatalogSnapshot.MonthNumber(from.Start) : counted.Count > 0 ? counted.Min() : null;
        int? last = filters.To is { } to ? CatalogSnapshot.MonthNumber(to.EndExclusive.AddTicks(-1)) : counted.Count > 0 ? counted.Max() : null;
        if (snapshot.DatedSpan is not { } span || first is not { } start || last is not { } end)
        {
            return new Comparison([], [.. queries.Select((q, i) => new ComparedQuery(q, [], passes[i].Undated))]);
        }

        start = Math.Max(start, CatalogSnapshot.MonthNumber(span.First));
        end = Math.Min(end, CatalogSnapshot.MonthNumber(span.Last));
        var months = Enumerable.Range(start, Math.Max(0, end - start + 1)).ToList();
        return new Comparison(
            [.. months.Select(m => new DateOnly(m / 12, m % 12 + 1, 1))],
            [.. queries.Select((q, i) => new ComparedQuery(q, [.. months.Select(m => passes[i].Months.GetValueOrDefault(m))], passes[i].Undated))]);
    }
}

/// <summary>
/// One query of a <see cref="Comparison"/>: its matches in each month, and those without a date, which no month holds
/// (counted only when no date filter is set, as search does).
/// </summary>
public sealed record ComparedQuery(ArticleQuery Query, IReadOnlyList<int> Counts, int Undated)
{
    public int Dated => Counts.Sum();

    /// <summary>What the search page shows for the same query and filters.</summary>
    public int Total => Dated + Undated;
}

/// <summary>
/// One pass over a query's candidates that counts those passing its filters per calendar month, looking up outlet
/// and date in the catalog as <see cref="ResultPass"/> does for its facets.
/// </summary>
internal sealed class MonthPass(ArticleQuery query, CatalogSnapshot snapshot) : CandidatePass(query, snapshot)
{
    /// <summary>Counts by <see cref="CatalogSnapshot.MonthNumber(DateTime)"/>.</summary>
    public Dictionary<int, int> Months { get; } = [];

    public int Undated { get; private set; }

    protected override void Add(int id, double score)
    {
        var outlet = OutletOf(id);
        if (outlet == 0 || !InOutlets(outlet))
        {
            return;
        }

        var seconds = Snapshot.SecondsOf[id];
        if (!InDates(seconds))
        {
            return;
        }

        if (seconds == CatalogSnapshot.Undated)
        {
            Undated++;
        }
        else
        {
            CollectionsMarshal.GetValueRefOrAddDefault(Months, Snapshot.MonthOf[id], out _)++;
        }
    }
}
