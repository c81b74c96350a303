using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Storage;

namespace NewsArchive.Tests;

/// <summary>A throw-away corpus folder and archive database on disk (real SQLite, never in memory).</summary>
public sealed class TempArchive : IDisposable
{
    public TempArchive()
    {
        Root = Directory.CreateTempSubdirectory("newsarchive-test-").FullName;
        Corpus = Directory.CreateDirectory(Path.Combine(Root, "corpus")).FullName;
        DatabasePath = Path.Combine(Root, "data", "archive.db");
        Database = new ArchiveDatabase(DatabasePath);
    }

    public string Root { get; }

    public string Corpus { get; }

    public string DatabasePath { get; }

    public ArchiveDatabase Database { get; }

    public static TempArchive WithSeeds()
    {
        var archive = new TempArchive();
        foreach (var seed in Directory.GetFiles(TestPaths.Seeds))
        {
            File.Copy(seed, Path.Combine(archive.Corpus, Path.GetFileName(seed)));
        }

        return archive;
    }

    public string Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Corpus, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public async Task<IngestReport> IngestAsync(long maxFileBytes = 5 * 1024 * 1024)
    {
        await Database.MigrateAsync();
        return new Ingestor(Database, NullLogger<Ingestor>.Instance)
            .IngestFolder(new IngestOptions(Corpus, MaxFileBytes: maxFileBytes));
    }

    public T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection(Database.ReadWriteConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<string> Column(string sql)
    {
        using var connection = new SqliteConnection(Database.ReadWriteConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0).ToString()!);
        }

        return values;
    }

    /// <summary>SQLite's own check of the file, FTS5's check of the index against the content, and a row-for-row match.</summary>
    public void AssertConsistent()
    {
        Assert.Equal("ok", Scalar<string>("PRAGMA integrity_check"));
        // Throws (SQLITE_CORRUPT_VTAB) when the index and the Articles table disagree.
        Scalar<long>("INSERT INTO ArticlesFts(ArticlesFts, rank) VALUES ('integrity-check', 1); SELECT 1");
        Assert.Equal(Scalar<long>("SELECT count(*) FROM Articles"), Scalar<long>("SELECT count(*) FROM ArticlesFts_docsize"));
        Assert.Equal(0, Scalar<long>("SELECT count(*) FROM ArticlesFts_docsize d WHERE NOT EXISTS (SELECT 1 FROM Articles a WHERE a.Id = d.id)"));
    }

    /// <summary>Ids of the articles whose indexed text matches an FTS5 expression (test-controlled, never user text).</summary>
    public List<string> Matching(string ftsExpression) =>
        Column($"SELECT a.RelativePath FROM ArticlesFts f JOIN Articles a ON a.Id = f.rowid WHERE ArticlesFts MATCH '{ftsExpression}' ORDER BY a.RelativePath");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing process: the OS temp cleaner takes it.
        }
    }
}
