using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsArchive.Core.Storage;

internal sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> entity)
    {
        entity.ToTable("Entities");
        entity.Property(e => e.Kind).HasConversion<int>();
        // "Al-Dulaymi" and "al-Dulaymi" are one person.
        entity.Property(e => e.Name).UseCollation("NOCASE");
        entity.HasIndex(e => new { e.Kind, e.Name }).IsUnique();
        entity.HasIndex(e => e.Slug).IsUnique();
    }
}
