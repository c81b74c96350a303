using System.Globalization;
using System.Threading.RateLimiting;

namespace NewsArchive.Web.Hosting;

public static class RequestLimits
{
    /// <summary>
    /// At most <see cref="ArchiveOptions.ConcurrentRequests"/> requests are worked on at once; the rest wait in
    /// arrival order. On two cores, sixty-four requests at once only share the CPU more thinly, while each holds a
    /// database connection, its page cache and its buffers: the queue keeps that memory bounded.
    /// A full queue is a 503 with Retry-After. /healthz never waits, so a monitor sees a busy server as alive.
    /// </summary>
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, bool>(context =>
                context.Request.Path.StartsWithSegments(HealthEndpoint.Path)
                    ? RateLimitPartition.GetNoLimiter(false)
                    : RateLimitPartition.GetConcurrencyLimiter(true, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<ArchiveOptions>().ConcurrentRequests,
                        QueueLimit = QueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    public const int RetryAfterSeconds = 5;

    /// <summary>Far more than any reader's browser opens: only a flood is turned away.</summary>
    private const int QueueLimit = 1000;
}
