using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsArchive.Core.Storage;

/// <summary>
/// The archive's SQLite file: how to connect to it, and how to bring its schema up to date.
/// Readers and the one writer share the file through WAL, so pages are served while ingestion runs.
/// </summary>
public sealed class ArchiveDatabase
{
    public ArchiveDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ReadWriteConnectionString = ConnectionString(SqliteOpenMode.ReadWriteCreate);
        ReadOnlyConnectionString = ConnectionString(SqliteOpenMode.ReadOnly);
    }

    public string Path { get; }

    public string ReadWriteConnectionString { get; }

    /// <summary>The web app reads through this: nothing it serves can write to the archive.</summary>
    public string ReadOnlyConnectionString { get; }

    public DbContextOptions<ArchiveDbContext> Options(bool readOnly) =>
        (DbContextOptions<ArchiveDbContext>)Configure(new DbContextOptionsBuilder<ArchiveDbContext>(), readOnly).Options;

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, bool readOnly) =>
        builder
            .UseSqlite(readOnly ? ReadOnlyConnectionString : ReadWriteConnectionString)
            .AddInterceptors(ConnectionPragmas.Instance)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public ArchiveDbContext CreateContext(bool readOnly = false) => new(Options(readOnly));

    /// <summary>Creates the folder and file if needed, applies pending migrations and switches the file to WAL.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        // WAL is a property of the file: set once, it lets readers run beside the writer.
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private string ConnectionString(SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = mode,
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = ConnectionPragmas.BusyTimeoutMs / 1000,
    }.ToString();

    /// <summary>A raw connection for the ingestion writer's prepared statements, with the same pragmas as EF's.</summary>
    public SqliteConnection OpenWriterConnection()
    {
        var connection = new SqliteConnection(ReadWriteConnectionString);
        connection.Open();
        ConnectionPragmas.Apply(connection);
        return connection;
    }
}
