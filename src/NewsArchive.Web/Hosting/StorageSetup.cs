using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Hosting;

public static class StorageSetup
{
    /// <summary>The archive file, a pool of read-only contexts for pages and API, and the cached archive summary.</summary>
    public static IHostApplicationBuilder AddArchiveStorage(this IHostApplicationBuilder builder)
    {
        var options = ArchiveOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new ArchiveDatabase(options.DatabasePath));
        builder.Services.AddDbContextPool<ArchiveDbContext>((services, context) =>
            services.GetRequiredService<ArchiveDatabase>().Configure(context, readOnly: true));
        builder.Services.AddSingleton<ArchiveSummaryCache>();
        builder.Services.AddScoped<ArticleStore>();
        return builder;
    }

    /// <summary>Brings the schema up to date before the first request is served.</summary>
    public static Task MigrateArchiveAsync(this IHost app) =>
        app.Services.GetRequiredService<ArchiveDatabase>().MigrateAsync();
}
