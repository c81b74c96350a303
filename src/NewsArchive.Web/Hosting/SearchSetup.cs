using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;

namespace NewsArchive.Web.Hosting;

public static class SearchSetup
{
    /// <summary>The search seam and what it keeps in memory: the catalog of outlets and dates, the alias list.</summary>
    public static IHostApplicationBuilder AddArchiveSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArchiveChanges>();
        builder.Services.AddSingleton<ArchiveCatalog>();
        builder.Services.AddSingleton(services => AliasList.Parse(File.ReadAllText(services.GetRequiredService<ArchiveOptions>().AliasesPath)));
        builder.Services.AddScoped<IArticleSearch, SqliteArticleSearch>();
        return builder;
    }
}
