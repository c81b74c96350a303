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

    /// <summary>The current URL with one query value replaced: every state of a list is a link.</summary>
    public static string With(HttpRequest request, string key, string value)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value);
        query[key] = value;
        return QueryHelpers.AddQueryString(request.Path, query);
    }
}
