using System.Diagnostics;
using Serilog;

namespace NewsArchive.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog, configured by the "Serilog" section of appsettings.json, behind Microsoft.Extensions.Logging.</summary>
    public static IHostApplicationBuilder AddArchiveLogging(this IHostApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>One event per request: method, path, status and elapsed milliseconds (Serilog.AspNetCore cannot restore here).</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("NewsArchive.Requests");
        return app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                // The path as sent, still escaped: a decoded %0A in it would start a forged log line.
                logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                    context.Request.Method, context.Request.Path.ToUriComponent(), context.Response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
    }
}
