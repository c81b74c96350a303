using System.Globalization;
using NewsArchive.Core.Search;

namespace NewsArchive.Web.Api;

/// <summary>GET /api/articles/{id}/related?count=: the articles most like one, best first (mapped in the articles group).</summary>
public static class RelatedArticlesApi
{
    public const int DefaultCount = 5;

    public const int MaxCount = 20;

    public static async Task<IResult> GetAsync(int id, string? count, RelatedArticles related, CancellationToken cancellationToken)
    {
        var take = DefaultCount;
        if (count is not null && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxCount))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["count"] = [$"count is a whole number from 1 to {MaxCount}, e.g. count={DefaultCount}."] },
                title: "Some query parameters are not valid.");
        }

        if (await related.ReadAsync(id, take, cancellationToken) is not { } found)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article", detail: $"There is no article {id}.");
        }

        return Results.Ok(new { items = found.Related });
    }
}
