using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsArchive.Core.Storage;

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>
{
    public void Configure(EntityTypeBuilder<Outlet> outlet)
    {
        outlet.ToTable("Outlets");
        outlet.HasIndex(o => o.Name).IsUnique();
        outlet.HasIndex(o => o.Slug).IsUnique();
    }
}
