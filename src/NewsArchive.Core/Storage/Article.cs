using NewsArchive.Core.Parsing;

namespace NewsArchive.Core.Storage;

/// <summary>One ingested article file. Title, Summary and Body are mirrored into the FTS5 index by triggers.</summary>
public sealed class Article
{
    public int Id { get; set; }

    /// <summary>Path relative to the corpus root, with '/' separators: the article's identity across runs.</summary>
    public required string RelativePath { get; set; }

    /// <summary>Hex SHA-256 of the file's bytes.</summary>
    public required string ContentHash { get; set; }

    /// <summary>File size and write time: when both match the last run, the file is not read again.</summary>
    public long FileSize { get; set; }

    public long FileModifiedTicks { get; set; }

    public required string Title { get; set; }

    public bool TitleDerived { get; set; }

    public int OutletId { get; set; }

    public Outlet Outlet { get; set; } = null!;

    public DateTime? PublishedAt { get; set; }

    public DatePrecision PublishedPrecision { get; set; }

    public string? Dateline { get; set; }

    public string? SourceId { get; set; }

    public string? SourceUrl { get; set; }

    public string? Site { get; set; }

    public string? Summary { get; set; }

    /// <summary>Clean paragraphs separated by a blank line.</summary>
    public required string Body { get; set; }

    /// <summary>Parse warnings, one per line; null when there were none.</summary>
    public string? Warnings { get; set; }

    public DateTime IngestedAt { get; set; }

    public ArticleDate? Published => PublishedAt is { } value ? new ArticleDate(value, PublishedPrecision) : null;
}
