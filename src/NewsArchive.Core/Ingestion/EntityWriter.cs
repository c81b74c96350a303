using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Ingestion;

/// <summary>
/// Writes which entities an article names, through the <see cref="ArticleWriter"/>'s prepared statements and batch
/// transaction: an article and its entities are committed, or lost by a kill, together. Entity ids come from a
/// name → id map read once per run (the only per-entity state kept across batches); a new name gets a slug no other
/// entity has. Spellings that differ only in case are one entity; it is named by the spelling with the most lower-case
/// letters ("al-Dulaymi" over "Al-Dulaymi", "Iran" over a headline's "IRAN"), so the name does not depend on which
/// file the parallel parse finished first.
/// </summary>
internal sealed class EntityWriter(Func<string, SqliteCommand> prepare)
{
    private readonly Dictionary<string, (int Id, string Name)> known = new(StringComparer.OrdinalIgnoreCase);
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
        if (known.TryGetValue(key, out var existing))
        {
            if (Preferred(entity.Name, existing.Name))
            {
                var rename = prepare("UPDATE Entities SET Name = $Name WHERE Id = $Id");
                rename.Parameters["$Name"].Value = entity.Name;
                rename.Parameters["$Id"].Value = existing.Id;
                rename.ExecuteNonQuery();
                known[key] = (existing.Id, entity.Name);
            }

            return existing.Id;
        }

        var slug = Slugs.Unique(Slugs.From(entity.Name), slugs.Contains);
        var command = prepare("INSERT INTO Entities (Kind, Name, Slug) VALUES ($Kind, $Name, $Slug) RETURNING Id");
        command.Parameters["$Kind"].Value = (int)entity.Kind;
        command.Parameters["$Name"].Value = entity.Name;
        command.Parameters["$Slug"].Value = slug;
        var id = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        known[key] = (id, entity.Name);
        slugs.Add(slug);
        return id;
    }

    private void Load()
    {
        known.Clear();
        slugs.Clear();
        loaded = true;
        using var reader = prepare("SELECT Id, Kind, Name, Slug FROM Entities").ExecuteReader();
        while (reader.Read())
        {
            known[Key((EntityKind)reader.GetInt32(1), reader.GetString(2))] = (reader.GetInt32(0), reader.GetString(2));
            slugs.Add(reader.GetString(3));
        }
    }

    /// <summary>Whether <paramref name="spelling"/> should name the entity instead of <paramref name="current"/>: more lower-case letters, then the ordinal order, so any arrival order gives one name.</summary>
    private static bool Preferred(string spelling, string current)
    {
        var lower = spelling.Count(char.IsLower) - current.Count(char.IsLower);
        return lower > 0 || (lower == 0 && string.CompareOrdinal(spelling, current) < 0);
    }

    private static string Key(EntityKind kind, string name) => $"{(int)kind} {name}";
}
