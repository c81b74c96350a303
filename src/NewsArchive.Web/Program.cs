using NewsArchive.Web.Api;
using NewsArchive.Web.Cli;
using NewsArchive.Web.Feeds;
using NewsArchive.Web.Hosting;
using NewsArchive.Web.Pages;

// `NewsArchive.Web ingest <folder>` ingests and exits, `backup <file>` copies the archive; anything else starts the web app.
if (IngestCommand.Matches(args))
{
    return await IngestCommand.RunAsync(args);
}

if (BackupCommand.Matches(args))
{
    return await BackupCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddArchiveLogging();
builder.AddArchiveStorage();
builder.AddArchiveSearch();
builder.AddCorpusIngestion();
builder.AddArchiveApi();
builder.AddArchivePages();
builder.AddArchiveCompression();
builder.AddRequestLimits();

var app = builder.Build();
await app.MigrateArchiveAsync();
app.UseRequestLogging(); // outermost, so it logs the status the client finally gets
app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseArchiveErrorPages();
app.UseRequestLimits();
app.MapHealthCheck();
app.MapArticlesApi();
app.MapSearchApi();
app.MapSearchExports();
app.MapCompareApi();
app.MapOpenSearch();
app.MapSuggestApi();
app.MapArchivePages();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
