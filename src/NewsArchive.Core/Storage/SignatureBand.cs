namespace NewsArchive.Core.Storage;

/// <summary>
/// One entry of the near-duplicate index: a key of an article's signature (one per LSH band, and one for the exact
/// text). Articles sharing a key are candidates for the same story; see <see cref="Clustering.StorySignature"/>.
/// </summary>
public sealed class SignatureBand
{
    public int Key { get; set; }

    public int ArticleId { get; set; }
}
