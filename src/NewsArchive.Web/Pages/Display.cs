using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using NewsArchive.Core.Parsing;

namespace NewsArchive.Web.Pages;

/// <summary>How pages write dates and links.</summary>
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
