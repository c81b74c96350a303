using NewsArchive.Core.Search;

namespace NewsArchive.Web.Api;

/// <summary>GET /api/suggest?q=: what a search box offers while a person types, outlets and headlines.</summary>
public static class SuggestApi
{
    public static IEndpointRouteBuilder MapSuggestApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/suggest", SuggestAsync);
        return app;
    }

    private static async Task<IResult> SuggestAsync(string? q, TypeaheadSuggester suggester, CancellationToken cancellationToken)
    {
        var query = q ?? "";
        if (Problem(query) is { } problem)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [problem] }, title: "Some query parameters are not valid.");
        }

        return Results.Ok(await suggester.SuggestAsync(query, cancellationToken));
    }

    private static string? Problem(string query) =>
        query.Length > TypeaheadSuggester.MaxQueryLength
            ? $"Type at most {TypeaheadSuggester.MaxQueryLength} characters; this text has {query.Length}."
            : query.Any(char.IsControl)
                ? "The text holds a control character (a tab, a line break or the like): type plain text."
                : null;
}
