namespace NewsArchive.Core.Storage;

/// <summary>
/// An article's text as near-duplicate detection sees it (<see cref="Clustering.StorySignature"/>), and the story
/// cluster it belongs to. Written only by ingestion, in the same transaction as the article.
/// </summary>
public sealed class ArticleSignature
{
    public int ArticleId { get; set; }

    /// <summary>Hash of the normalised text (words folded, punctuation and spacing dropped): equal for exact duplicates.</summary>
    public long TextHash { get; set; }

    /// <summary>The MinHash values, 4 bytes each, little-endian; empty for a text too short to compare but exactly.</summary>
    public required byte[] MinHash { get; set; }

    /// <summary>Words of the normalised text: the article page shows how versions differ in length.</summary>
    public int Words { get; set; }

    /// <summary>
    /// The story cluster: the id of one of its articles (the one it formed around); null for an article alone.
    /// Every member carries the same value, so a cluster is one indexed lookup.
    /// </summary>
    public int? ClusterId { get; set; }
}
