using NewsArchive.Core.Search;

namespace NewsArchive.Web.Api;

/// <summary>The query string of a browse, search or compare URL, read the same way by the API and the pages.</summary>
public static class QueryBinding
{
    public static ArticleQueryRequest ToArticleQueryRequest(this IQueryCollection query) => new(
        Q: query["q"],
        Outlet: query["outlet"].OfType<string>().ToList(),
        From: query["from"],
        To: query["to"],
        Sort: query["sort"],
        Page: query["page"],
        PageSize: query["pageSize"],
        Entity: query["entity"].OfType<string>().ToList(),
        Expand: query["expand"]);

    public static ComparisonRequest ToComparisonRequest(this IQueryCollection query) => new(
        Q: query["q"].OfType<string>().ToList(),
        Outlet: query["outlet"].OfType<string>().ToList(),
        From: query["from"],
        To: query["to"]);
}
