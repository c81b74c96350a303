using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// Every article's outlet and date, by id, in memory. Filters, facet counts and date order are then array lookups
/// over the ids the full-text index returns, instead of a join per match: with a term that matches most of a
/// million articles, that is the difference between milliseconds and seconds. Reloaded whenever the archive changes.
/// </summary>
public sealed class ArchiveCatalog(ArchiveDatabase database, ArchiveChanges changes)
{
    // Searches wait for a reload after a change: a result must hold what was just committed.
    private readonly ArchiveSnapshot<CatalogSnapshot> snapshot = new(changes, () => LoadAsync(database), waitForChanges: true);

    public Task<CatalogSnapshot> CurrentAsync(CancellationToken cancellationToken = default) => snapshot.GetAsync(cancellationToken);

    private static async Task<CatalogSnapshot> LoadAsync(ArchiveDatabase database)
    {
        await using var db = database.CreateContext(readOnly: true);
        // One read transaction, so outlets and articles come from the same moment.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outlets = await db.QueryAsync(
            "SELECT Id, Name, Slug FROM Outlets ORDER BY Id", row => new CatalogOutlet(row.GetInt32(0), row.GetString(1), row.GetString(2)), CancellationToken.None);
        var maxId = (await db.QueryAsync("SELECT coalesce(max(Id), 0) FROM Articles", row => row.GetInt32(0), CancellationToken.None))[0];
        var outletOf = new int[maxId + 1];
        var secondsOf = new long[maxId + 1];
        // Served by the (OutletId, PublishedAt, Id) index alone: the article rows, bodies and all, are not read.
        await using var command = await db.CommandAsync("SELECT Id, OutletId, CAST(strftime('%s', PublishedAt) AS INTEGER) FROM Articles", CancellationToken.None);
        await using var reader = await command.ExecuteReaderAsync();
        var (first, last) = (long.MaxValue, long.MinValue);
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            outletOf[id] = reader.GetInt32(1);
            secondsOf[id] = reader.IsDBNull(2) ? CatalogSnapshot.Undated : reader.GetInt64(2);
            if (secondsOf[id] != CatalogSnapshot.Undated)
            {
                (first, last) = (Math.Min(first, secondsOf[id]), Math.Max(last, secondsOf[id]));
            }
        }

        return new CatalogSnapshot(outlets, outletOf, secondsOf, first <= last ? (first, last) : null);
    }
}

public sealed record CatalogOutlet(int Id, string Name, string Slug);

/// <summary>The catalog at one moment: <c>OutletOf[id]</c> is 0 for ids with no article.</summary>
public sealed class CatalogSnapshot
{
    /// <summary>Stands for "no date" in <see cref="SecondsOf"/>; sorts below every real date.</summary>
    public const long Undated = long.MinValue;

    private static int generations;

    internal CatalogSnapshot(IReadOnlyList<CatalogOutlet> outlets, int[] outletOf, long[] secondsOf, (long First, long Last)? datedSpan)
    {
        Generation = Interlocked.Increment(ref generations);
        Outlets = outlets;
        OutletOf = outletOf;
        SecondsOf = secondsOf;
        DatedSpan = datedSpan;
        OutletById = outlets.ToDictionary(o => o.Id);
        // Once per article here, instead of a date conversion per match in every pass that counts years or months.
        MonthOf = new int[secondsOf.Length];
        for (var id = 0; id < secondsOf.Length; id++)
        {
            MonthOf[id] = secondsOf[id] == Undated ? 0 : MonthNumber(secondsOf[id]);
        }

        FirstYear = datedSpan is { } span ? MonthNumber(span.First) / 12 : 0;
        Years = datedSpan is { } dated ? MonthNumber(dated.Last) / 12 - FirstYear + 1 : 0;
    }

    /// <summary>Counts up with each snapshot read: a higher one holds a later state of the archive.</summary>
    public int Generation { get; }

    public IReadOnlyList<CatalogOutlet> Outlets { get; }

    public IReadOnlyDictionary<int, CatalogOutlet> OutletById { get; }

    internal int[] OutletOf { get; }

    /// <summary>Unix seconds of each article's publication, or <see cref="Undated"/>.</summary>
    internal long[] SecondsOf { get; }

    /// <summary>Unix seconds of the earliest and the latest dated article; null when none is dated.</summary>
    internal (long First, long Last)? DatedSpan { get; }

    /// <summary>The <see cref="MonthNumber(DateTime)"/> of each article's publication; 0 when undated.</summary>
    internal int[] MonthOf { get; }

    /// <summary>The year of the earliest dated article, and how many years the dated articles span.</summary>
    internal int FirstYear { get; }

    internal int Years { get; }

    /// <summary>Months since January of year 0: consecutive months are consecutive numbers.</summary>
    public static int MonthNumber(DateTime value) => value.Year * 12 + value.Month - 1;

    public static int MonthNumber(long seconds) => MonthNumber(DateTime.UnixEpoch.AddSeconds(seconds));

    /// <summary>Outlets a user named, by name or slug, ignoring case.</summary>
    public IEnumerable<CatalogOutlet> Named(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Outlets.Where(o => wanted.Contains(o.Name) || wanted.Contains(o.Slug));
    }
}
