using NewsArchive.Web.Api;
using NewsArchive.Web.Cli;
using NewsArchive.Web.Hosting;
using NewsArchive.Web.Pages;

// `NewsArchive.Web ingest <folder>` ingests and exits; anything else starts the web app.
if (IngestCommand.Matches(args))
{
    return await IngestCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddArchiveLogging();
builder.AddArchiveStorage();
builder.AddSearchSuggestions();
builder.AddCorpusIngestion();
builder.AddArchiveApi();
builder.AddArchivePages();

var app = builder.Build();
await app.MigrateArchiveAsync();
app.UseRequestLogging(); // outermost, so it logs the status the client finally gets
app.UseArchiveErrorPages();
app.MapArticlesApi();
app.MapSuggestApi();
app.MapArchivePages();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
