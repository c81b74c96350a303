using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsArchive.Core.Search;
using NewsArchive.Core.Search.Query;
using NewsArchive.Web.Feeds;
using NewsArchive.Web.Pages;

namespace NewsArchive.Web.Api;

/// <summary>
/// The compare page's numbers for the same query string (q two to four times, outlet, from, to): GET /api/compare as
/// JSON, /compare.csv as a month-by-query table. docs/search.md describes both.
/// </summary>
public static class CompareApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/compare", JsonAsync);
        app.MapGet("/compare.csv", CsvAsync);
        return app;
    }

    private static async Task<IResult> JsonAsync(HttpRequest request, IArticleSearch search, AliasList aliases, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (Validate(request, aliases, out var errors) is not { } queries)
        {
            return ArticlesApi.Invalid(errors);
        }

        var comparison = await search.CompareAsync(queries, cancellationToken);
        return Results.Ok(new
        {
            tookMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2),
            queries = comparison.Queries.Select(q => new
            {
                query = q.Query.Text.Text,
                total = q.Total,
                undated = q.Undated,
                expandedTerms = q.Query.Text.ExpandedTerms,
                notices = q.Query.Text.Notices,
            }),
            months = comparison.Months.Select((month, i) => new { month = Display.MonthIso(month), counts = comparison.Queries.Select(q => q.Counts[i]) }),
        });
    }

    /// <summary>A column per query, a row per month; a last row "undated" when some matches have no date.</summary>
    private static async Task<IResult> CsvAsync(HttpRequest request, IArticleSearch search, AliasList aliases, CancellationToken cancellationToken)
    {
        if (Validate(request, aliases, out var errors) is not { } queries)
        {
            return ArticlesApi.Invalid(errors);
        }

        var comparison = await search.CompareAsync(queries, cancellationToken);
        // Lines end in CRLF, as RFC 4180 has them.
        using var csv = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        csv.WriteLine(string.Join(',', comparison.Queries.Select(q => Csv.Field(q.Query.Text.Text)).Prepend("month")));
        for (var i = 0; i < comparison.Months.Count; i++)
        {
            csv.WriteLine(string.Join(',', comparison.Queries.Select(q => Number(q.Counts[i])).Prepend(Display.MonthIso(comparison.Months[i]))));
        }

        if (comparison.Queries.Any(q => q.Undated > 0))
        {
            csv.WriteLine(string.Join(',', comparison.Queries.Select(q => Number(q.Undated)).Prepend("undated")));
        }

        // With a byte order mark, as /search.csv: spreadsheets then read the queries' non-ASCII letters as UTF-8.
        return Results.File(
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", $"newsarchive-compare-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }

    /// <summary>The queries of a request; fewer than two is an error here, where there is no form to ask for more.</summary>
    private static IReadOnlyList<ArticleQuery>? Validate(HttpRequest request, AliasList aliases, out Dictionary<string, string[]> errors)
    {
        var queries = request.Query.ToComparisonRequest().Validate(out errors, aliases);
        if (queries is not null && queries.Count < ComparisonRequest.MinQueries)
        {
            errors["q"] = [$"Give {ComparisonRequest.MinQueries} to {ComparisonRequest.MaxQueries} queries to compare, as q=iran&q=iraq; this gives {queries.Count}."];
            return null;
        }

        return queries;
    }

    private static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);
}
