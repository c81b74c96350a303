using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsArchive.Core.Storage;

internal sealed class SignatureBandConfiguration : IEntityTypeConfiguration<SignatureBand>
{
    // The table is created WITHOUT ROWID by its migration: the key is the whole row, one B-tree, no second index.
    // No foreign key: a delete would have to search this table by article; ingestion removes an article's keys itself.
    public void Configure(EntityTypeBuilder<SignatureBand> band)
    {
        band.ToTable("SignatureBands");
        band.HasKey(b => new { b.Key, b.ArticleId });
    }
}
