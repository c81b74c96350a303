using NewsArchive.Core.Ingestion;

namespace NewsArchive.Web.Hosting;

public static class IngestionSetup
{
    /// <summary>The ingestor, and the background service that feeds it the corpus folder and its changes.</summary>
    public static IHostApplicationBuilder AddCorpusIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Ingestor>();
        builder.Services.AddSingleton<IngestionStatus>();
        builder.Services.AddHostedService<CorpusIngestionService>();
        return builder;
    }
}
