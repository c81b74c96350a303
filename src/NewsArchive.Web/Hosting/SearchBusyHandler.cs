using Microsoft.AspNetCore.Diagnostics;
using NewsArchive.Core.Search;

namespace NewsArchive.Web.Hosting;

/// <summary>
/// A search over its time budget is a 503 with Retry-After, not a failure: the API and the feeds get the reason as
/// problem details here; a page goes on to the error page, which says the same in words.
/// </summary>
internal sealed class SearchBusyHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The request's path is already the error page's here; the address asked for is in the feature.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        var forMachines = path.StartsWithSegments("/api") || Path.HasExtension(path.Value);
        if (exception is not SearchBusyException busy || !forMachines)
        {
            return false;
        }

        context.Response.Headers.RetryAfter = RequestLimits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search busy", detail: busy.Message).ExecuteAsync(context);
        return true;
    }
}
