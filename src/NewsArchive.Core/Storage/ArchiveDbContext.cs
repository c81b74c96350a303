using Microsoft.EntityFrameworkCore;

namespace NewsArchive.Core.Storage;

public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Outlet> Outlets => Set<Outlet>();

    public DbSet<IngestionRun> IngestionRuns => Set<IngestionRun>();

    public DbSet<Entity> Entities => Set<Entity>();

    public DbSet<ArticleEntity> ArticleEntities => Set<ArticleEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
}
