using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsArchive.Core.Storage;

/// <summary>
/// The archive's SQLite file: how to connect to it, and how to bring its schema up to date.
/// Readers and the one writer share the file through WAL, so pages are served while ingestion runs.
/// </summary>
public sealed class ArchiveDatabase
{
    /// <summary>How long a statement waits for the writer's lock before it reports "database is locked".</summary>
    private const int BusyTimeoutMs = 10_000;

    public ArchiveDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ReadWriteConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
        ReadOnlyConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
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

    /// <summary>A raw connection for the ingestion writer's prepared statements, with the same pragmas as EF's.</summary>
    public SqliteConnection OpenWriterConnection()
    {
        var connection = new SqliteConnection(ReadWriteConnectionString);
        connection.Open();
        ConnectionPragmas.Apply(connection);
        return connection;
    }
}
