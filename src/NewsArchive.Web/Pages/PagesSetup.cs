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
        app.UseStaticFiles();
        // Pages only read: any other method is refused with 405 before a page runs.
        app.MapRazorPages().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }
}
