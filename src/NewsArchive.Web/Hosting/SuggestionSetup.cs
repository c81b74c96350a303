using NewsArchive.Core.Search;

namespace NewsArchive.Web.Hosting;

public static class SuggestionSetup
{
    /// <summary>Spelling and search-box suggestions and related articles, over statistics of the archive kept in memory.</summary>
    public static IHostApplicationBuilder AddSearchSuggestions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArchiveStatistics>();
        builder.Services.AddScoped<SpellingSuggester>();
        builder.Services.AddScoped<TypeaheadSuggester>();
        builder.Services.AddScoped<RelatedArticles>();
        return builder;
    }
}
