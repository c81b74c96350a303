using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Ingestion;

/// <summary>
/// Writes which entities an article names, through the <see cref="ArticleWriter"/>'s prepared statements and batch
/// transaction: an article and its entities are committed, or lost by a kill, together. Entity ids come from a
/// name → id map read once per run (the only per-entity state kept across batches); a new name gets a slug no other
/// entity has.
/// </summary>
internal sealed class EntityWriter(Func<string, SqliteCommand> prepare)
{
    private readonly Dictionary<string, int> ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> slugs = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> insertSql = [];
    private bool loaded;

    /// <summary>The article's entities, in place of those it had.</summary>
    public void Replace(int articleId, IReadOnlyList<FoundEntity> found)
    {
        var clear = prepare("DELETE FROM ArticleEntities WHERE ArticleId = $ArticleId");
        clear.Parameters["$ArticleId"].Value = articleId;
        clear.ExecuteNonQuery();
        Add(articleId, found);
    }

    /// <summary>The entities of a new article, in one statement (one per number of rows, prepared once).</summary>
    public void Add(int articleId, IReadOnlyList<FoundEntity> found)
    {
        if (found.Count == 0)
        {
            return;
        }

        if (!insertSql.TryGetValue(found.Count, out var sql))
        {
            var rows = string.Join(", ", Enumerable.Range(0, found.Count).Select(i => $"($ArticleId, $EntityId{i}, $Mentions{i})"));
            insertSql[found.Count] = sql = $"INSERT INTO ArticleEntities (ArticleId, EntityId, Mentions) VALUES {rows}";
        }

        var insert = prepare(sql);
        // The parameters in the order they appear: $ArticleId, then $EntityId and $Mentions of each row.
        insert.Parameters[0].Value = articleId;
        for (var i = 0; i < found.Count; i++)
        {
            insert.Parameters[1 + (2 * i)].Value = Id(found[i]);
            insert.Parameters[2 + (2 * i)].Value = found[i].Mentions;
        }

        insert.ExecuteNonQuery();
    }

    /// <summary>Entities no article names any more go (after articles were updated or removed).</summary>
    public void DeleteUnmentioned()
    {
        if (prepare("DELETE FROM Entities WHERE NOT EXISTS (SELECT 1 FROM ArticleEntities m WHERE m.EntityId = Entities.Id)").ExecuteNonQuery() > 0)
        {
            loaded = false;
        }
    }

    private int Id(FoundEntity entity)
    {
        if (!loaded)
        {
            Load();
        }

        var key = Key(entity.Kind, entity.Name);
        if (ids.TryGetValue(key, out var id))
        {
            return id;
        }

        var slug = Slugs.Unique(Slugs.From(entity.Name), slugs.Contains);
        var command = prepare("INSERT INTO Entities (Kind, Name, Slug) VALUES ($Kind, $Name, $Slug) RETURNING Id");
        command.Parameters["$Kind"].Value = (int)entity.Kind;
        command.Parameters["$Name"].Value = entity.Name;
        command.Parameters["$Slug"].Value = slug;
        id = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        ids[key] = id;
        slugs.Add(slug);
        return id;
    }

    private void Load()
    {
        ids.Clear();
        slugs.Clear();
        loaded = true;
        using var reader = prepare("SELECT Id, Kind, Name, Slug FROM Entities").ExecuteReader();
        while (reader.Read())
        {
            ids[Key((EntityKind)reader.GetInt32(1), reader.GetString(2))] = reader.GetInt32(0);
            slugs.Add(reader.GetString(3));
        }
    }

    private static string Key(EntityKind kind, string name) => $"{(int)kind} {name}";
}
