namespace NewsArchive.Core.Search;

public enum ArticleSort
{
    Newest,
    Oldest,
}

/// <summary>
/// One request to the archive: filters, order and page. Built only through <see cref="ArticleQueryRequest.Validate"/>,
/// so every value in it is already known to be sane.
/// </summary>
public sealed record ArticleQuery(
    IReadOnlyList<string> Outlets,
    DateBound? From,
    DateBound? To,
    ArticleSort Sort,
    int Page,
    int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static ArticleQuery Newest { get; } = new([], null, null, ArticleSort.Newest, 1, DefaultPageSize);

    public int Skip => (Page - 1) * PageSize;
}
