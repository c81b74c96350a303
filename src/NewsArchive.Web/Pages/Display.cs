using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Parsing;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Pages;

/// <summary>How pages write dates, counts and links.</summary>
public static class Display
{
    /// <summary>"12 November 2014, 15:18", "27 September 2013", or "Undated".</summary>
    public static string Date(ArticleDate? date) => date switch
    {
        null => "Undated",
        { Precision: DatePrecision.Day } d => d.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        { } d => d.Value.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture),
    };

    public static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    /// <summary>"Nov 2014".</summary>
    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static string MonthIso(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"12 Nov 2014": the day alone, short, for spans and tables.</summary>
    public static string Day(DateTime date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DayIso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"1 article", "26,462 articles".</summary>
    public static string Count(int count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>"21 Nov 2026 10:02 UTC" for a time the archive recorded in UTC.</summary>
    public static string Utc(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string UtcIso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"12 added, 3 removed", "no changes, 217 files skipped", or the error that ended the run (its first line).</summary>
    public static string Outcome(IngestionRun run)
    {
        if (run.Error is { } error)
        {
            return $"failed: {error.Split('\n')[0].Trim()}";
        }

        var changes = new[] { (run.Added, "added"), (run.Updated, "updated"), (run.Removed, "removed") }
            .Where(c => c.Item1 > 0)
            .Select(c => $"{c.Item1.ToString("N0", CultureInfo.InvariantCulture)} {c.Item2}")
            .DefaultIfEmpty("no changes");
        var outcome = string.Join(", ", changes);
        return run.Skipped > 0 ? $"{outcome}, {Count(run.Skipped, "file")} skipped" : outcome;
    }

    /// <summary>"same text", "same length", "12 words longer", "1 word shorter": another version of a story against this one.</summary>
    public static string LengthAgainst(ArticleVersion version) => version switch
    {
        { SameText: true } => "same text",
        { WordDifference: 0 } => "same length",
        { WordDifference: > 0 and var more } => $"{Count(more, "word")} longer",
        { WordDifference: var fewer } => $"{Count(-fewer, "word")} shorter",
    };

    public static string OutletPath(string slug) => "/outlets/" + Uri.EscapeDataString(slug);

    public static string EntityPath(string slug) => "/entities/" + Uri.EscapeDataString(slug);

    /// <summary>The kinds of entity in the order pages list them, each with its heading: "People", "Places", "Organisations".</summary>
    public static IReadOnlyList<(EntityKind Kind, string Heading)> EntityKinds { get; } =
        [(EntityKind.Person, "People"), (EntityKind.Place, "Places"), (EntityKind.Organisation, "Organisations")];

    /// <summary>"person", "place", "organisation".</summary>
    public static string KindName(EntityKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The current URL with one query value replaced: every state of a list is a link.</summary>
    public static string With(HttpRequest request, string key, string value) => Link(request, request.Path, (key, [value]));

    /// <summary>
    /// A URL on <paramref name="path"/> carrying the current query string with some keys changed: each change sets a
    /// key's values, and no values removes the key. Filters changed this way also drop "page", so the new list starts at its first page.
    /// </summary>
    public static string Link(HttpRequest request, string path, params (string Key, string[] Values)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value);
        foreach (var (key, values) in changes)
        {
            if (values.Length == 0)
            {
                query.Remove(key);
            }
            else
            {
                query[key] = values;
            }
        }

        var pairs = query
            .Where(q => q.Key != "page" || changes.Any(c => c.Key == "page"))
            .SelectMany(q => q.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString(path, pairs);
    }

    /// <summary>A filter change: the current URL with these keys changed and "page" dropped.</summary>
    public static string Filter(HttpRequest request, params (string Key, string[] Values)[] changes) => Link(request, "/search", changes);
}
