using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Hosting;

public static class HealthEndpoint
{
    /// <summary>
    /// GET /healthz for monitors and load balancers: whether the database answers, how many articles it holds, and
    /// the last ingestion's result. 200 while the archive can serve (an ingestion error makes it "degraded", not
    /// down: the articles already stored are still served); 503 when the database does not answer.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthCheck(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync);
        return app;
    }

    private static async Task<IResult> CheckAsync(
        ArchiveDbContext db, IngestionStatus ingestion, HttpResponse response, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        int? articles = null;
        try
        {
            articles = await db.Articles.CountAsync(cancellationToken);
        }
        catch (DbException e)
        {
            loggers.CreateLogger("NewsArchive.Health").LogError(e, "Health check: the archive database does not answer");
        }

        // A failed run's counts are unknown: the previous run's would mislead.
        var report = ingestion.LastError is null ? ingestion.LastReport : null;
        var status = articles is null ? "unavailable" : ingestion.LastError is null ? "ok" : "degraded";
        response.Headers.CacheControl = "no-store";
        return Results.Json(
            new
            {
                status,
                database = articles is null ? "error" : "ok",
                articles,
                lastIngestion = ingestion.LastFinishedAt is null ? null : new
                {
                    startedAt = ingestion.LastStartedAt,
                    finishedAt = ingestion.LastFinishedAt,
                    added = report?.Added,
                    updated = report?.Updated,
                    removed = report?.Removed,
                    skipped = report?.Skipped.Count,
                    error = ingestion.LastError,
                },
            },
            statusCode: articles is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
