using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Core.Storage;
using NewsArchive.Tests.Api;

namespace NewsArchive.Tests.Reliability;

/// <summary>The web app changes nothing: it has only GET routes, refuses every other method, and its database connection is read-only.</summary>
public sealed class NoWritesFromWebTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    private static readonly HttpMethod[] Writes = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    private List<RouteEndpoint> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    [Fact]
    public async Task Every_endpoint_answers_only_GET_or_HEAD()
    {
        await app.ReadyClientAsync();

        var endpoints = Endpoints();

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/articles/");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/healthz");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "articles/{id:int}");
        Assert.All(endpoints, endpoint =>
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["(any)"];
            Assert.True(methods.All(m => m is "GET" or "HEAD"), $"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText}) accepts {string.Join(", ", methods)}");
        });
    }

    [Fact]
    public async Task Writing_methods_are_refused_everywhere_and_change_nothing()
    {
        var client = await app.ReadyClientAsync();
        var id = app.Archive.Scalar<long>("SELECT min(Id) FROM Articles");
        var before = app.Archive.Column("SELECT Id || '|' || ContentHash || '|' || Title FROM Articles ORDER BY Id");
        var urls = Endpoints()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{id}", $"{id}", StringComparison.Ordinal)
                .Replace("{id:int}", $"{id}", StringComparison.Ordinal).Replace("{code:int}", "404", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        foreach (var url in urls)
        {
            foreach (var method in Writes)
            {
                using var request = new HttpRequestMessage(method, url) { Content = new StringContent("{\"title\":\"changed\"}", System.Text.Encoding.UTF8, "application/json") };
                var response = await client.SendAsync(request);

                Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(before, app.Archive.Column("SELECT Id || '|' || ContentHash || '|' || Title FROM Articles ORDER BY Id"));
    }

    [Fact]
    public async Task The_web_apps_database_context_cannot_write()
    {
        await app.ReadyClientAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE Articles SET Title = 'changed'"));

        Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY
        Assert.Contains("Mode=ReadOnly", db.Database.GetConnectionString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Archive.Scalar<long>("SELECT count(*) FROM Articles WHERE Title = 'changed'"));
    }
}
