namespace NewsArchive.Web.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// Only the app's own files run, style and load, and no other site may frame a page: no inline script or style
    /// anywhere (behaviour lives in wwwroot/js, loaded with defer). data: images are for the browser's own form controls.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; " +
        "base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// Set on every response (pages, API, static files, error pages) just before it starts, so a handler that clears
    /// the response, as the exception handler does, cannot drop them.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // No Referer at all: a search address names what a journalist is looking into, and neither the source
            // sites an article links to nor anyone else needs it; the app itself never reads the header.
            headers["Referrer-Policy"] = "no-referrer";
            // frame-ancestors says the same to browsers that know CSP; this is for those that do not.
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
