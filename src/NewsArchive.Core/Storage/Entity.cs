using NewsArchive.Core.Entities;

namespace NewsArchive.Core.Storage;

/// <summary>A person, place or organisation some article names (see <see cref="EntityExtractor"/>).</summary>
public sealed class Entity
{
    public int Id { get; set; }

    public EntityKind Kind { get; set; }

    /// <summary>The name the archive shows; one entity per kind and name, whatever its case.</summary>
    public required string Name { get; set; }

    /// <summary>URL form of the name: "Nouri al-Maliki" is "nouri-al-maliki"; "-2" and so on when another entity has it.</summary>
    public required string Slug { get; set; }
}
