using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsArchive.Core.Storage;

internal sealed class ArticleSignatureConfiguration : IEntityTypeConfiguration<ArticleSignature>
{
    public void Configure(EntityTypeBuilder<ArticleSignature> signature)
    {
        signature.ToTable("ArticleSignatures");
        signature.HasKey(s => s.ArticleId);
        signature.Property(s => s.ArticleId).ValueGeneratedNever();
        // Only clustered articles are indexed: the catalog reads every cluster from this index alone.
        signature.HasIndex(s => s.ClusterId).HasFilter("ClusterId IS NOT NULL");
        signature.HasOne<Article>().WithOne().HasForeignKey<ArticleSignature>(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
