using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Parsing;
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

    public async Task<IngestReport> IngestAsync(long maxFileBytes = 5 * 1024 * 1024, int batchSize = 2_000)
    {
        await Database.MigrateAsync();
        return new Ingestor(Database, NullLogger<Ingestor>.Instance)
            .IngestFolder(new IngestOptions(Corpus, MaxFileBytes: maxFileBytes, BatchSize: batchSize));
    }

    public T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection(Database.ReadWriteConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(Database.ReadWriteConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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

    /// <summary>
    /// Until a child ingestion into this archive has committed more than <paramref name="storedBefore"/> articles, or
    /// has ended: acting on it earlier would test only its start-up.
    /// </summary>
    public async Task WaitForProgressAsync(System.Diagnostics.Process ingestion, long storedBefore)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ingestion.HasExited && DateTime.UtcNow < deadline
            && (!File.Exists(DatabasePath) || Scalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'Articles'") == 0
                || Scalar<long>("SELECT count(*) FROM Articles") <= storedBefore))
        {
            await Task.Delay(20);
        }
    }

    /// <summary>SQLite's own check of the file, FTS5's check of the index against the content, and a row-for-row match.</summary>
    public void AssertConsistent() => Assert.Empty(Database.CheckIntegrity());

    /// <summary>
    /// Every stored article is exactly what the parser makes of its file as it is now (hash and every field):
    /// no half-written or stale row. Of this archive's database, or of another one (a backup) of the same corpus.
    /// </summary>
    public void AssertArticlesMatchFiles(ArchiveDatabase? database = null)
    {
        using var context = (database ?? Database).CreateContext(readOnly: true);
        foreach (var stored in context.Articles.Include(a => a.Outlet).AsEnumerable())
        {
            var bytes = File.ReadAllBytes(Path.Combine(Corpus, stored.RelativePath));
            var parsed = ArticleParser.Parse(bytes, ParseOptions.Default).Article;
            Assert.True(parsed is not null, $"{stored.RelativePath} is stored but is no article");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.ContentHash);
            Assert.Equal(
                (parsed.Title, parsed.TitleDerived, parsed.Outlet, parsed.PublishedAt, parsed.Dateline, parsed.SourceId, parsed.SourceUrl, parsed.Site, parsed.Summary, parsed.Body),
                (stored.Title, stored.TitleDerived, stored.Outlet.Name, stored.Published, stored.Dateline, stored.SourceId, stored.SourceUrl, stored.Site, stored.Summary, stored.Body));
        }
    }

    /// <summary>
    /// Every stored article names exactly the entities the extractor finds in its file as it is now (kind, name,
    /// mentions), and every stored entity is named by some article.
    /// </summary>
    public void AssertEntitiesMatchFiles()
    {
        using var context = Database.CreateContext(readOnly: true);
        var stored = context.ArticleEntities
            .Select(m => new { m.ArticleId, m.Entity.Kind, m.Entity.Name, m.Mentions })
            .AsEnumerable()
            .ToLookup(m => m.ArticleId);
        foreach (var article in context.Articles.Select(a => new { a.Id, a.RelativePath }).AsEnumerable())
        {
            var parsed = ArticleParser.Parse(File.ReadAllBytes(Path.Combine(Corpus, article.RelativePath)), ParseOptions.Default).Article!;
            Assert.Equal(
                EntityExtractor.Shipped.Extract(parsed).Select(e => (e.Kind, e.Name.ToLowerInvariant(), e.Mentions)).Order(),
                stored[article.Id].Select(m => (m.Kind, m.Name.ToLowerInvariant(), m.Mentions)).Order());
        }

        Assert.Equal(0, Scalar<long>("SELECT count(*) FROM Entities e WHERE NOT EXISTS (SELECT 1 FROM ArticleEntities m WHERE m.EntityId = e.Id)"));
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
