using Microsoft.EntityFrameworkCore;

namespace NewsArchive.Core.Storage;

/// <summary>An outlet with its article count and the dates of its first and last dated article (null when none is dated).</summary>
public sealed record OutletSummary(string Name, string Slug, int Articles, DateTime? FirstPublished, DateTime? LastPublished);

/// <summary>
/// The archive at a glance: every outlet with its counts, and the last finished ingestion run. It costs a scan of
/// the outlet index, so readers take it from <see cref="ArchiveSummaryCache"/>, not from the database.
/// </summary>
public sealed record ArchiveSummary(IReadOnlyList<OutletSummary> Outlets, IngestionRun? LastRun)
{
    public int Articles { get; } = Outlets.Sum(o => o.Articles);

    public OutletSummary? Outlet(string slug) => Outlets.FirstOrDefault(o => o.Slug == slug);

    /// <summary>Outlets by article count, largest first; the ingestor removes an outlet left without articles.</summary>
    public static async Task<ArchiveSummary> ReadAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        // One grouped pass over the (OutletId, PublishedAt, Id) index: counts and spans of all outlets, no table reads.
        var perOutlet = db.Articles
            .GroupBy(a => a.OutletId)
            .Select(g => new { OutletId = g.Key, Articles = g.Count(), First = g.Min(a => a.PublishedAt), Last = g.Max(a => a.PublishedAt) });
        var outlets = await db.Outlets
            .Join(perOutlet, o => o.Id, c => c.OutletId, (o, c) => new OutletSummary(o.Name, o.Slug, c.Articles, c.First, c.Last))
            .ToListAsync(cancellationToken);
        var lastRun = await db.IngestionRuns
            .Where(r => r.FinishedAt != null)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new ArchiveSummary([.. outlets.OrderByDescending(o => o.Articles).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)], lastRun);
    }
}
