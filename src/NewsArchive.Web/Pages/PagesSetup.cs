using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace NewsArchive.Web.Pages;

public static class PagesSetup
{
    public static IHostApplicationBuilder AddArchivePages(this IHostApplicationBuilder builder)
    {
        // The home page is the search page without a query: the newest articles, with the same filters and facets.
        builder.Services.AddRazorPages(options => options.Conventions.AddPageRoute("/Search", ""));
        builder.Services.AddScoped<Articles.ArticleViews>();
        // Article text is mostly non-ASCII punctuation (’ “ ” …): write it as characters, still HTML-encoded where it matters.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    /// <summary>Friendly pages for errors and unknown addresses; no stack trace outside Development.</summary>
    public static WebApplication UseArchiveErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        return app;
    }

    public static WebApplication MapArchivePages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = CacheControl(file.Context.Request) });
        // Pages only read: any other method is refused with 405 before a page runs.
        app.MapRazorPages().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }

    /// <summary>
    /// The layout links css and js with asp-append-version (?v=hash of the file): such an address never changes content,
    /// so browsers keep it a year without asking. Any other file is kept an hour, the longest an old copy may show after an update.
    /// </summary>
    private static string CacheControl(HttpRequest request) =>
        request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600";
}
