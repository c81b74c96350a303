using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;

namespace NewsArchive.Web.Hosting;

public static class SearchSetup
{
    /// <summary>
    /// The search seam and what it keeps in memory (the catalog of outlets and dates, the alias list, the index's
    /// vocabulary, the match lists of recent queries within the <see cref="SearchLimits"/>), spelling and search-box suggestions, and related articles.
    /// </summary>
    public static IHostApplicationBuilder AddArchiveSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArchiveChanges>();
        builder.Services.AddSingleton<ArchiveCatalog>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(SearchLimits.Section).Get<SearchLimits>() ?? new SearchLimits());
        builder.Services.AddSingleton<MatchCache>();
        builder.Services.AddExceptionHandler<SearchBusyHandler>();
        builder.Services.AddSingleton(services => AliasList.Parse(File.ReadAllText(services.GetRequiredService<ArchiveOptions>().AliasesPath)));
        builder.Services.AddSingleton<ArchiveStatistics>();
        builder.Services.AddHostedService<SearchWarmUp>();
        builder.Services.AddScoped<IArticleSearch, SqliteArticleSearch>();
        builder.Services.AddScoped<SpellingSuggester>();
        builder.Services.AddScoped<TypeaheadSuggester>();
        builder.Services.AddScoped<RelatedArticles>();
        return builder;
    }
}
