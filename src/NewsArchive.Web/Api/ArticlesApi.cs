using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NewsArchive.Core.Search;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Api;

/// <summary>The read-only JSON API: GET /api/articles (filtered, paged) and GET /api/articles/{id}.</summary>
public static class ArticlesApi
{
    public static IHostApplicationBuilder AddArchiveApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new ArticleDateJsonConverter()));
        return builder;
    }

    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles");
        articles.MapGet("/", ListAsync);
        articles.MapGet("/{id}", GetAsync);
        articles.MapGet("/{id:int}/related", RelatedArticlesApi.GetAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IArticleSearch search, CancellationToken cancellationToken)
    {
        var query = request.Query.ToArticleQueryRequest().Validate(out var errors);
        if (query is null)
        {
            return Invalid(errors);
        }

        // The list of articles, every version of a story its own item: /api/search groups stories.
        var results = await search.SearchAsync(query with { Collapse = false }, cancellationToken);
        return Results.Ok(new { total = results.Total, page = query.Page, pageSize = query.PageSize, items = results.Items.Select(hit => hit.Article) });
    }

    private static async Task<IResult> GetAsync(string id, ArticleStore store, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var articleId) || articleId < 1)
        {
            return Invalid(new Dictionary<string, string[]> { ["id"] = ["An article id is a whole number, e.g. /api/articles/42."] });
        }

        if (await store.FindAsync(articleId, cancellationToken) is not { } detail)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article", detail: $"There is no article {articleId}.");
        }

        // The summary's fields, flat, then the text: one shape for list items and the article itself.
        var body = JsonSerializer.SerializeToNode(detail.Article, json.Value.SerializerOptions)!.AsObject();
        body["body"] = detail.Body;
        body["paragraphs"] = new JsonArray([.. detail.Paragraphs.Select(p => JsonValue.Create(p))]);
        return Results.Json(body, json.Value.SerializerOptions);
    }

    /// <summary>A 400 that names each bad parameter and says what would be valid.</summary>
    internal static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Some query parameters are not valid.");
}
