using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// Every article's outlet and date, by id, in memory. Filters, facet counts and date order are then array lookups
/// over the ids the full-text index returns, instead of a join per match: with a term that matches most of a
/// million articles, that is the difference between milliseconds and seconds. Reloaded whenever the archive changes.
/// </summary>
public sealed class ArchiveCatalog(ArchiveDatabase database, ArchiveChanges changes) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private CatalogSnapshot? current;

    public async Task<CatalogSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var version = changes.Version();
        if (current is { } fresh && fresh.Version == version)
        {
            return fresh;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            // Read before loading: a commit during the load leaves the snapshot marked older, so the next call reloads.
            version = changes.Version();
            if (current is not { } snapshot || snapshot.Version != version)
            {
                current = await LoadAsync(version, cancellationToken);
            }

            return current;
        }
        finally
        {
            loading.Release();
        }
    }

    private async Task<CatalogSnapshot> LoadAsync(long version, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(readOnly: true);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        // One read transaction, so outlets and articles come from the same moment.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var outlets = new List<CatalogOutlet>();
        await using (var reader = await Command(connection, "SELECT Id, Name, Slug FROM Outlets ORDER BY Id").ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                outlets.Add(new CatalogOutlet(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var maxId = Convert.ToInt32(await Command(connection, "SELECT coalesce(max(Id), 0) FROM Articles").ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var outletOf = new int[maxId + 1];
        var secondsOf = new long[maxId + 1];
        // Served by the (OutletId, PublishedAt, Id) index alone: the article rows, bodies and all, are not read.
        await using (var reader = await Command(connection, "SELECT Id, OutletId, CAST(strftime('%s', PublishedAt) AS INTEGER) FROM Articles").ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt32(0);
                outletOf[id] = reader.GetInt32(1);
                secondsOf[id] = reader.IsDBNull(2) ? CatalogSnapshot.Undated : reader.GetInt64(2);
            }
        }

        return new CatalogSnapshot(version, outlets, outletOf, secondsOf);
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Dispose() => loading.Dispose();
}

public sealed record CatalogOutlet(int Id, string Name, string Slug);

/// <summary>The catalog at one moment: <c>OutletOf[id]</c> is 0 for ids with no article.</summary>
public sealed class CatalogSnapshot
{
    /// <summary>Stands for "no date" in <see cref="SecondsOf"/>; sorts below every real date.</summary>
    public const long Undated = long.MinValue;

    internal CatalogSnapshot(long version, IReadOnlyList<CatalogOutlet> outlets, int[] outletOf, long[] secondsOf)
    {
        Version = version;
        Outlets = outlets;
        OutletOf = outletOf;
        SecondsOf = secondsOf;
        OutletById = outlets.ToDictionary(o => o.Id);
    }

    public long Version { get; }

    public IReadOnlyList<CatalogOutlet> Outlets { get; }

    public IReadOnlyDictionary<int, CatalogOutlet> OutletById { get; }

    internal int[] OutletOf { get; }

    /// <summary>Unix seconds of each article's publication, or <see cref="Undated"/>.</summary>
    internal long[] SecondsOf { get; }

    /// <summary>Outlets a user named, by name or slug, ignoring case.</summary>
    public IEnumerable<CatalogOutlet> Named(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Outlets.Where(o => wanted.Contains(o.Name) || wanted.Contains(o.Slug));
    }
}
