using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsArchive.Core.Storage;

internal sealed class ArticleEntityConfiguration : IEntityTypeConfiguration<ArticleEntity>
{
    public void Configure(EntityTypeBuilder<ArticleEntity> mention)
    {
        mention.ToTable("ArticleEntities");
        mention.HasKey(m => new { m.ArticleId, m.EntityId });
        // Deleting an article deletes its rows here; an entity goes only once no article names it.
        mention.HasOne<Article>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne(m => m.Entity).WithMany().HasForeignKey(m => m.EntityId).OnDelete(DeleteBehavior.Restrict);
        mention.HasIndex(m => m.EntityId);
    }
}
