namespace NewsArchive.Core.Storage;

/// <summary>An article names an entity, this many times.</summary>
public sealed class ArticleEntity
{
    public int ArticleId { get; set; }

    public int EntityId { get; set; }

    public Entity Entity { get; set; } = null!;

    public int Mentions { get; set; }
}
