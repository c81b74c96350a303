using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Hosting;

public static class HealthEndpoint
{
    public const string Path = "/healthz";

    /// <summary>
    /// GET /healthz for monitors and load balancers: whether the database answers, how many articles it holds, and
    /// the last finished ingestion run as the footer shows it (the app's own runs and the ingest verb's). 200 while the
    /// archive can serve, "degraded" when that run failed (the stored articles are still served); 503 when the database
    /// does not answer.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthCheck(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, CheckAsync);
        return app;
    }

    private static async Task<IResult> CheckAsync(ArchiveDbContext db, HttpResponse response, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        int? articles = null;
        IngestionRun? run = null;
        try
        {
            articles = await db.Articles.CountAsync(cancellationToken);
            run = await db.IngestionRuns.Where(r => r.FinishedAt != null).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        }
        catch (DbException e)
        {
            loggers.CreateLogger("NewsArchive.Health").LogError(e, "Health check: the archive database does not answer");
        }

        response.Headers.CacheControl = "no-store";
        return Results.Json(
            new
            {
                status = articles is null ? "unavailable" : run?.Error is null ? "ok" : "degraded",
                database = articles is null ? "error" : "ok",
                articles,
                lastIngestion = run is null ? null : new
                {
                    // Stored as UTC without a kind: say so, or it reads as local time.
                    startedAt = DateTime.SpecifyKind(run.StartedAt, DateTimeKind.Utc),
                    finishedAt = DateTime.SpecifyKind(run.FinishedAt!.Value, DateTimeKind.Utc),
                    added = run.Added,
                    updated = run.Updated,
                    removed = run.Removed,
                    skipped = run.Skipped,
                    error = run.Error,
                },
            },
            statusCode: articles is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
