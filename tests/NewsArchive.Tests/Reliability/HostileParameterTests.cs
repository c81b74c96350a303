using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsArchive.Tests.Api;
using Xunit.Abstractions;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Thousands of requests with random and adversarial values in every parameter of every address, from a fixed seed:
/// never a 5xx, always a result or a readable 400/404, and nothing of the request comes back as live markup.
/// </summary>
public sealed partial class HostileParameterTests(ArchiveAppFactory app, ITestOutputHelper output) : IClassFixture<ArchiveAppFactory>
{
    private const int Seed = 20261121;
    private const int Requests = 4_000;
    private const string Json = "application/json";
    private const string Html = "text/html";

    private static readonly string[] Browse = ["q", "outlet", "from", "to", "sort", "page", "pageSize", "entity"];

    private static readonly string[] Compare = ["q", "outlet", "from", "to"];

    /// <summary>
    /// Every GET address a client can reach, what it answers when all is well, and the query parameters it reads;
    /// {…} path segments get hostile values too. A new endpoint is one row. Not /error: the exception handler's page
    /// answers 500 by design.
    /// </summary>
    private static readonly Route[] Routes =
    [
        new("/api/search", Json, Browse),
        new("/api/suggest", Json, "q"),
        new("/api/articles", Json, Browse),
        new("/api/articles/{id}", Json),
        new("/api/articles/{id}/related", Json, "count"),
        new("/", Html, Browse),
        new("/search", Html, Browse),
        new("/search.csv", "text/csv", Browse),
        new("/search.json", Json, Browse),
        new("/search.atom", "application/atom+xml", Browse),
        new("/compare", Html, Compare),
        new("/compare.csv", "text/csv", Compare),
        new("/api/compare", Json, Compare),
        new("/articles/{id}", Html, Browse),
        new("/outlets", Html),
        new("/outlets/{slug}", Html, Browse),
        new("/entities", Html),
        new("/entities/{slug}", Html, Browse),
        new("/help", Html),
        new("/status/{code}", Html),
        new("/opensearch.xml", "application/opensearchdescription+xml"),
        new("/healthz", Json),
    ];

    [Fact]
    public async Task Hostile_values_in_every_parameter_never_cause_a_server_error()
    {
        var client = await app.ReadyClientAsync();
        var requests = Generate().ToList();
        var failures = new List<string>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var slowest = (Elapsed: TimeSpan.Zero, Url: "");

        // Four at a time: a hostile request must not disturb the others.
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            string body;
            try
            {
                response = await client.GetAsync(request.Url, cancellationToken);
                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException e)
            {
                // The server failed after it had started the answer: the client gets a broken response.
                lock (failures)
                {
                    failures.Add($"GET {Shorten(request.Url)} → broke off: {e.InnerException?.InnerException?.Message ?? e.Message}");
                }

                return;
            }

            using (response)
            {
                var elapsed = clock.Elapsed;
                var problem = Check(request.Route, response, body);
                lock (failures)
                {
                    statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
                    slowest = elapsed > slowest.Elapsed ? (elapsed, request.Url) : slowest;
                    if (problem is not null)
                    {
                        failures.Add($"GET {Shorten(request.Url)} → {(int)response.StatusCode}: {problem}\n    {Shorten(body)}");
                    }
                }
            }
        });

        output.WriteLine($"{requests.Count} requests, seed {Seed}: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"))}");
        output.WriteLine($"slowest: {slowest.Elapsed.TotalMilliseconds:0} ms for GET {Shorten(slowest.Url)}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} requests failed (seed {Seed}):\n{string.Join("\n", failures.Take(20))}");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Requests / 10, "hardly any request passed validation: the database was not exercised");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > Requests / 10, "hardly any request was refused: the values are not hostile");
    }

    [Fact]
    public async Task A_hostile_path_cannot_forge_a_line_in_the_log()
    {
        using var archive = TempArchive.WithSeeds();
        using var server = await WebAppServer.StartAsync(
            $"--Archive:CorpusPath={archive.Corpus}", $"--Archive:DatabasePath={archive.DatabasePath}", "--Serilog:MinimumLevel:Override:NewsArchive.Requests=Information");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await client.GetAsync("/articles/1%0D%0A[00:00:00 ERR] Forged: the archive is corrupt%0A");
        for (var attempt = 0; attempt < 50 && !server.Output.Contains("responded 404", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/articles/1%0D%0A", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Output.Split('\n'), line => line.TrimStart().StartsWith("[00:00:00 ERR] Forged", StringComparison.Ordinal));
    }

    /// <summary>Why the answer is wrong, or null when it is right.</summary>
    private static string? Check(Route route, HttpResponseMessage response, string body)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound))
        {
            return "unexpected status";
        }

        if (StackTrace().IsMatch(body))
        {
            return "a stack trace or exception reached the client";
        }

        if (type == Html)
        {
            // A path that matches no route (a malformed id) gets the friendly not-found page, under /api too.
            return route.Answer != Html && response.StatusCode != HttpStatusCode.NotFound ? $"a page where {route.Answer} was due"
                : !body.Contains("</html>", StringComparison.Ordinal) || !body.Contains("<h1>", StringComparison.Ordinal) ? "not a whole page"
                : LiveMarkup.In(body) is [var live, ..] ? $"live markup: {live}"
                : null;
        }

        if (response.StatusCode == HttpStatusCode.OK)
        {
            return type != route.Answer ? $"{type} where {route.Answer} was due" : Readable(type, body);
        }

        if (type != "application/problem+json")
        {
            return $"an error as {type}, not problem details";
        }

        using var problem = JsonDocument.Parse(body);
        return !problem.RootElement.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()) ? "problem details without a title"
            : response.StatusCode == HttpStatusCode.BadRequest && !Explains(problem.RootElement) ? "a 400 that names no parameter"
            : null;
    }

    /// <summary>The body parses as what it claims to be.</summary>
    private static string? Readable(string type, string body)
    {
        try
        {
            if (type == Json)
            {
                JsonDocument.Parse(body).Dispose();
            }
            else if (type.EndsWith("xml", StringComparison.Ordinal))
            {
                System.Xml.Linq.XDocument.Parse(body);
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            return $"not valid {type}: {e.Message}";
        }
    }

    /// <summary>A 400 names each bad parameter with a message.</summary>
    private static bool Explains(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors)
        && errors.EnumerateObject().Any()
        && errors.EnumerateObject().All(e => e.Value.EnumerateArray().All(m => !string.IsNullOrWhiteSpace(m.GetString())));

    private static IEnumerable<(Route Route, string Url)> Generate()
    {
        var random = new Random(Seed);
        var values = new HostileValues(random);
        for (var i = 0; i < Requests; i++)
        {
            var route = Routes[random.Next(Routes.Length)];
            var path = string.Join("/", route.Path.Split('/').Select(segment => segment.StartsWith('{') ? values.NextPathSegment() : segment));
            var query = new List<string>();
            foreach (var name in route.Parameters.Where(_ => random.Next(2) == 0))
            {
                // Now and then a parameter repeats, as outlet and entity may and the others may not.
                for (var repeat = random.Next(8) == 0 ? random.Next(2, 5) : 1; repeat > 0; repeat--)
                {
                    query.Add($"{name}={values.Next()}");
                }
            }

            if (random.Next(10) == 0)
            {
                query.Add($"{values.Next()}={values.Next()}"); // an unknown parameter
            }

            yield return (route, query.Count == 0 ? path : $"{path}?{string.Join("&", query)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");

    [GeneratedRegex(@"\b(System|Microsoft|NewsArchive)\.[\w.]*Exception\b|\bat (System|Microsoft|NewsArchive)\.\w")]
    private static partial Regex StackTrace();

    /// <param name="Answer">The media type of a good answer; errors are problem details, or a page where the answer is one.</param>
    private sealed record Route(string Path, string Answer, params string[] Parameters);
}
