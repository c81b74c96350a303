namespace NewsArchive.Web.Pages;

public static class PagesSetup
{
    public static IHostApplicationBuilder AddArchivePages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
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
        app.MapRazorPages();
        return app;
    }
}
