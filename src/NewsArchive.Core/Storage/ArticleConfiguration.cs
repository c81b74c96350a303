using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsArchive.Core.Storage;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.ToTable("Articles");
        article.HasIndex(a => a.RelativePath).IsUnique();
        // Browse order (newest first, id breaking ties) and the outlet filter read these indexes, not the table.
        article.HasIndex(a => new { a.PublishedAt, a.Id });
        article.HasIndex(a => new { a.OutletId, a.PublishedAt, a.Id });
        article.Property(a => a.RelativePath).UseCollation("BINARY");
        article.Property(a => a.PublishedPrecision).HasConversion<int>();
        article.HasOne(a => a.Outlet).WithMany().HasForeignKey(a => a.OutletId).OnDelete(DeleteBehavior.Restrict);
        article.Ignore(a => a.Published);
    }
}
