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

    /// <summary>
    /// SQLite's check of the file and of its foreign keys, FTS5's check of its index against the articles, and one
    /// index entry per article: the problems found, none when the archive is whole. Reads the whole file: for backups
    /// and tests, not requests.
    /// </summary>
    public List<string> CheckIntegrity()
    {
        // Read-write: FTS5's check is spelled as an INSERT, though it changes nothing.
        using var connection = OpenWriterConnection();
        var problems = Rows(connection, "PRAGMA integrity_check").Where(row => row != "ok").Select(row => $"file: {row}").ToList();
        problems.AddRange(Rows(connection, "PRAGMA foreign_key_check").Select(table => $"foreign key: a row of {table} points nowhere"));
        try
        {
            // rank 1: also compare the index with the Articles rows it was built from.
            Rows(connection, "INSERT INTO ArticlesFts(ArticlesFts, rank) VALUES ('integrity-check', 1)");
        }
        catch (SqliteException e)
        {
            problems.Add($"full-text index: {e.Message}");
        }

        var unindexed = Rows(connection, "SELECT count(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM ArticlesFts_docsize d WHERE d.id = a.Id)")[0];
        var orphaned = Rows(connection, "SELECT count(*) FROM ArticlesFts_docsize d WHERE NOT EXISTS (SELECT 1 FROM Articles a WHERE a.Id = d.id)")[0];
        if (unindexed != "0" || orphaned != "0")
        {
            problems.Add($"full-text index: {unindexed} article(s) without an entry, {orphaned} entry(ies) without an article");
        }

        return problems;
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
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
