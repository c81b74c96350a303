using Microsoft.Data.Sqlite;
using NewsArchive.Core.Clustering;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Parsing;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Ingestion;

/// <summary>
/// The ingestion's only path into the database: prepared statements in batched transactions.
/// The FTS5 index follows every insert, update and delete through the triggers of the schema,
/// so an article and its index entry are committed, or lost by a kill, together; so are its entities (<see cref="EntityWriter"/>)
/// and its signature and story cluster (<see cref="StoryClusters"/>).
/// </summary>
internal sealed class ArticleWriter : IDisposable
{
    private const string Columns =
        "RelativePath, ContentHash, FileSize, FileModifiedTicks, Title, TitleDerived, OutletId, PublishedAt, " +
        "PublishedPrecision, Dateline, SourceId, SourceUrl, Site, Summary, Body, Warnings, IngestedAt";

    /// <summary>
    /// The writer's page cache, 64 MB against SQLite's default 2: story clusters look keys and candidates up all over
    /// their tables, and from this cache rather than through the OS (at 100,000 articles: 47 s against 54, system time halved).
    /// </summary>
    private const int CacheKilobytes = 64 * 1024;

    private readonly SqliteConnection connection;
    private readonly Dictionary<string, int> outletIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> outletSlugs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteCommand> statements = new(StringComparer.Ordinal);
    private readonly EntityWriter entities;
    private readonly StoryClusters clusters;
    private SqliteTransaction? transaction;
    private bool outletsLoaded;

    public ArticleWriter(ArchiveDatabase database)
    {
        connection = database.OpenWriterConnection();
        using (var cache = connection.CreateCommand())
        {
            cache.CommandText = $"PRAGMA cache_size = -{CacheKilobytes}";
            cache.ExecuteNonQuery();
        }

        entities = new EntityWriter(Prepare);
        clusters = new StoryClusters(Prepare);
    }

    /// <summary>Writes since the last commit.</summary>
    public int Pending { get; private set; }

    /// <summary>What the database holds for each path now, so unchanged files need not be read.</summary>
    public Dictionary<string, StoredFile> LoadStoredFiles()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT RelativePath, Id, ContentHash, FileSize, FileModifiedTicks FROM Articles";
        using var reader = command.ExecuteReader();
        var stored = new Dictionary<string, StoredFile>(StringComparer.Ordinal);
        while (reader.Read())
        {
            stored[reader.GetString(0)] = new StoredFile(reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return stored;
    }

    public StoredFile? FindStoredFile(string relativePath)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, ContentHash, FileSize, FileModifiedTicks FROM Articles WHERE RelativePath = $path";
        command.Parameters.AddWithValue("$path", relativePath);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredFile(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)) : null;
    }

    public void Insert(CorpusFile file, string hash, ParsedArticle article, IReadOnlyList<FoundEntity> found, StorySignature signature)
    {
        var command = Prepare($"INSERT INTO Articles ({Columns}) VALUES ({string.Join(", ", Columns.Split(", ").Select(c => "$" + c))}) RETURNING Id");
        Bind(command, file, hash, article);
        var id = Convert.ToInt32(Execute(command), System.Globalization.CultureInfo.InvariantCulture);
        entities.Add(id, found);
        clusters.Join(id, signature);
    }

    public void Update(int id, CorpusFile file, string hash, ParsedArticle article, IReadOnlyList<FoundEntity> found, StorySignature signature)
    {
        var command = Prepare($"UPDATE Articles SET {string.Join(", ", Columns.Split(", ").Select(c => $"{c} = ${c}"))} WHERE Id = $Id");
        Bind(command, file, hash, article);
        command.Parameters["$Id"].Value = id;
        clusters.Leave(id);
        Execute(command);
        entities.Replace(id, found);
        clusters.Join(id, signature);
    }

    /// <summary>Same content under a new write time (a copy, a checkout): remember the time, leave the article.</summary>
    public void Touch(int id, CorpusFile file)
    {
        var command = Prepare("UPDATE Articles SET FileSize = $FileSize, FileModifiedTicks = $FileModifiedTicks WHERE Id = $Id");
        command.Parameters["$FileSize"].Value = file.Size;
        command.Parameters["$FileModifiedTicks"].Value = file.ModifiedTicks;
        command.Parameters["$Id"].Value = id;
        Execute(command);
    }

    public void Delete(int id)
    {
        clusters.Leave(id);
        var command = Prepare("DELETE FROM Articles WHERE Id = $Id");
        command.Parameters["$Id"].Value = id;
        Execute(command);
    }

    /// <summary>
    /// The stored text of up to <paramref name="count"/> articles without a signature (all of them in an archive made
    /// before story clusters), the first after <paramref name="afterId"/>, in one statement.
    /// </summary>
    public List<StoredText> UnsignedTexts(int afterId, int count)
    {
        var command = Prepare("""
            SELECT a.Id, a.Title, a.TitleDerived, a.Summary, a.Body, o.Name FROM Articles a JOIN Outlets o ON o.Id = a.OutletId
            WHERE a.Id > $after AND NOT EXISTS (SELECT 1 FROM ArticleSignatures s WHERE s.ArticleId = a.Id) ORDER BY a.Id LIMIT $count
            """);
        command.Parameters["$after"].Value = afterId;
        command.Parameters["$count"].Value = count;
        using var reader = command.ExecuteReader();
        var texts = new List<StoredText>();
        while (reader.Read())
        {
            texts.Add(new StoredText(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return texts;
    }

    /// <summary>A stored article's entities and signature, found from its stored text.</summary>
    public void Backfill(int id, IReadOnlyList<FoundEntity> found, StorySignature signature)
    {
        entities.Replace(id, found);
        clusters.Join(id, signature);
        Pending++;
    }

    /// <summary>Outlets and entities left without articles go, so lists and facets never show an empty one.</summary>
    public void DeleteUnused()
    {
        var command = Prepare("DELETE FROM Outlets WHERE NOT EXISTS (SELECT 1 FROM Articles a WHERE a.OutletId = Outlets.Id)");
        if (command.ExecuteNonQuery() > 0)
        {
            outletsLoaded = false;
        }

        entities.DeleteUnmentioned();
        Commit();
    }

    public void Commit()
    {
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
        Pending = 0;
    }

    /// <summary>Drops the open batch: after a failure, what was committed before stays and nothing half-done does.</summary>
    public void Rollback()
    {
        transaction?.Rollback();
        transaction?.Dispose();
        transaction = null;
        Pending = 0;
    }

    public int StartRun(string folder)
    {
        var command = Prepare("INSERT INTO IngestionRuns (Folder, StartedAt, Added, Updated, Unchanged, Removed, Skipped) VALUES ($Folder, $StartedAt, 0, 0, 0, 0, 0) RETURNING Id");
        command.Parameters["$Folder"].Value = folder;
        command.Parameters["$StartedAt"].Value = DateTime.UtcNow;
        var id = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Commit();
        return id;
    }

    public void FinishRun(int runId, IngestReport report, string? error)
    {
        Commit();
        var command = Prepare("UPDATE IngestionRuns SET FinishedAt = $FinishedAt, Added = $Added, Updated = $Updated, Unchanged = $Unchanged, " +
            "Removed = $Removed, Skipped = $Skipped, Error = $Error WHERE Id = $Id");
        command.Parameters["$FinishedAt"].Value = DateTime.UtcNow;
        command.Parameters["$Added"].Value = report.Added;
        command.Parameters["$Updated"].Value = report.Updated;
        command.Parameters["$Unchanged"].Value = report.Unchanged;
        command.Parameters["$Removed"].Value = report.Removed;
        command.Parameters["$Skipped"].Value = report.Skipped.Count;
        command.Parameters["$Error"].Value = (object?)error ?? DBNull.Value;
        command.Parameters["$Id"].Value = runId;
        command.ExecuteNonQuery();
        Commit();
    }

    public void Dispose()
    {
        transaction?.Dispose();
        foreach (var command in statements.Values)
        {
            command.Dispose();
        }

        connection.Dispose();
    }

    /// <summary>One prepared command per statement text, bound to the open batch transaction.</summary>
    private SqliteCommand Prepare(string sql)
    {
        if (!statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct())
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            statements[sql] = command;
        }

        transaction ??= connection.BeginTransaction();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Runs a write of the batch; returns what a RETURNING clause gives, null otherwise.</summary>
    private object? Execute(SqliteCommand command)
    {
        var result = command.ExecuteScalar();
        Pending++;
        return result;
    }

    private void Bind(SqliteCommand command, CorpusFile file, string hash, ParsedArticle article)
    {
        var p = command.Parameters;
        p["$RelativePath"].Value = file.RelativePath;
        p["$ContentHash"].Value = hash;
        p["$FileSize"].Value = file.Size;
        p["$FileModifiedTicks"].Value = file.ModifiedTicks;
        p["$Title"].Value = article.Title;
        p["$TitleDerived"].Value = article.TitleDerived;
        p["$OutletId"].Value = OutletId(article.Outlet);
        p["$PublishedAt"].Value = article.PublishedAt is { } date ? date.Value : DBNull.Value;
        p["$PublishedPrecision"].Value = (int)(article.PublishedAt?.Precision ?? DatePrecision.Day);
        p["$Dateline"].Value = (object?)article.Dateline ?? DBNull.Value;
        p["$SourceId"].Value = (object?)article.SourceId ?? DBNull.Value;
        p["$SourceUrl"].Value = (object?)article.SourceUrl ?? DBNull.Value;
        p["$Site"].Value = (object?)article.Site ?? DBNull.Value;
        p["$Summary"].Value = (object?)article.Summary ?? DBNull.Value;
        p["$Body"].Value = article.Body;
        p["$Warnings"].Value = article.Warnings.Count > 0 ? string.Join("\n", article.Warnings) : DBNull.Value;
        p["$IngestedAt"].Value = DateTime.UtcNow;
    }

    private int OutletId(string name)
    {
        if (!outletsLoaded)
        {
            LoadOutlets();
        }

        if (outletIds.TryGetValue(name, out var id))
        {
            return id;
        }

        var slug = Slugs.Unique(Slugs.From(name), outletSlugs.Contains);
        var command = Prepare("INSERT INTO Outlets (Name, Slug) VALUES ($Name, $Slug) RETURNING Id");
        command.Parameters["$Name"].Value = name;
        command.Parameters["$Slug"].Value = slug;
        id = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        outletIds[name] = id;
        outletSlugs.Add(slug);
        return id;
    }

    private void LoadOutlets()
    {
        outletIds.Clear();
        outletSlugs.Clear();
        outletsLoaded = true;
        var command = Prepare("SELECT Id, Name, Slug FROM Outlets");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            outletIds[reader.GetString(1)] = reader.GetInt32(0);
            outletSlugs.Add(reader.GetString(2));
        }
    }
}

/// <summary>The stored text of one article.</summary>
internal sealed record StoredText(int Id, string Title, bool TitleDerived, string? Summary, string Body, string Outlet);

/// <summary>What the database holds for one file.</summary>
internal sealed record StoredFile(int Id, string ContentHash, long Size, long ModifiedTicks);
