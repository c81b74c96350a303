using Microsoft.Data.Sqlite;

namespace NewsArchive.Core.Clustering;

/// <summary>
/// Keeps every article in its story cluster as ingestion writes it, with the writer's prepared statements inside its
/// batch transaction, so an article, its signature and its cluster are committed together. Nothing is kept in
/// memory: the candidates of an article are the articles sharing one of its keys in the indexed SignatureBands
/// table, and it joins the cluster of those whose estimated similarity is at least <see cref="StorySignature.Threshold"/>
/// (merging their clusters when it links two). A cluster's id is that of the article it formed around; it stays
/// while articles join, so joining writes one or two rows. When an article leaves (deleted or changed), the rest of
/// its cluster is grouped again from scratch, since it may have been the link between them.
/// </summary>
internal sealed class StoryClusters(Func<string, SqliteCommand> prepare)
{
    /// <summary>
    /// Enough for any real story. A text repeated thousands of times (a boilerplate page) gives thousands of
    /// candidates, all alike: the first of them serve as well, and a lookup stays one short read.
    /// </summary>
    private const int MaxCandidates = 64;

    /// <summary>
    /// Articles with the same exact-text key: every copy of a text is in one story, so one serves; a few more stand in
    /// for a chance collision of the 32-bit key with another article's band key.
    /// </summary>
    private const int MaxCopies = 4;

    private static readonly string BandKeyList = string.Join(", ", Enumerable.Range(1, StorySignature.Bands).Select(i => $"$k{i}"));

    public void Join(int articleId, StorySignature signature)
    {
        var command = prepare("INSERT INTO ArticleSignatures (ArticleId, TextHash, MinHash, Words, ClusterId) VALUES ($id, $hash, $minHash, $words, $cluster)");
        command.Parameters["$id"].Value = articleId;
        command.Parameters["$hash"].Value = signature.TextHash;
        command.Parameters["$minHash"].Value = signature.StoredMinHash();
        command.Parameters["$words"].Value = signature.Words;
        command.Parameters["$cluster"].Value = (object?)ClusterFor(articleId, signature) ?? DBNull.Value;
        command.ExecuteNonQuery();

        var insert = prepare("INSERT INTO SignatureBands (Key, ArticleId) VALUES ($key, $id)");
        insert.Parameters["$id"].Value = articleId;
        foreach (var key in signature.BandKeys().Distinct())
        {
            insert.Parameters["$key"].Value = key;
            insert.ExecuteNonQuery();
        }
    }

    public void Leave(int articleId)
    {
        if (Read(articleId) is not { } stored)
        {
            return;
        }

        var delete = prepare("DELETE FROM SignatureBands WHERE Key = $key AND ArticleId = $id");
        delete.Parameters["$id"].Value = articleId;
        foreach (var key in stored.Signature.BandKeys().Distinct())
        {
            delete.Parameters["$key"].Value = key;
            delete.ExecuteNonQuery();
        }

        var row = prepare("DELETE FROM ArticleSignatures WHERE ArticleId = $id");
        row.Parameters["$id"].Value = articleId;
        row.ExecuteNonQuery();
        if (stored.ClusterId is { } cluster)
        {
            Regroup(cluster);
        }
    }

    /// <summary>The members left in a cluster are placed one by one again, each as if it had just arrived.</summary>
    private void Regroup(int cluster)
    {
        var select = prepare("SELECT ArticleId FROM ArticleSignatures WHERE ClusterId = $cluster ORDER BY ArticleId");
        select.Parameters["$cluster"].Value = cluster;
        var members = new List<int>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                members.Add(reader.GetInt32(0));
            }
        }

        var release = prepare("UPDATE ArticleSignatures SET ClusterId = NULL WHERE ClusterId = $cluster");
        release.Parameters["$cluster"].Value = cluster;
        release.ExecuteNonQuery();
        foreach (var member in members)
        {
            // A member an earlier one has just joined is placed already.
            if (Read(member) is { ClusterId: null } stored && ClusterFor(member, stored.Signature) is { } found)
            {
                SetCluster(member, found);
            }
        }
    }

    /// <summary>
    /// The cluster of the articles similar enough to this one, null when there are none. Each of them is in it when
    /// this returns: one alone joins it, and two clusters this article links become one (the first's), so that a
    /// cluster is every article linked to another by similarity, whatever order they came in.
    /// </summary>
    private int? ClusterFor(int articleId, StorySignature signature)
    {
        // Copies of the text are looked up on their own: among the band keys' candidates, a story's many near
        // versions could fill the limit and leave out its exact copy (25 of 20,018 copies at a million articles).
        var keys = signature.BandKeys();
        var copies = prepare($"SELECT ArticleId FROM SignatureBands WHERE Key = $k0 LIMIT {MaxCopies}");
        copies.Parameters[0].Value = keys[0];
        var candidates = Ids(copies);
        if (keys.Length > 1)
        {
            var similar = prepare($"SELECT DISTINCT ArticleId FROM SignatureBands WHERE Key IN ({BandKeyList}) LIMIT {MaxCandidates}");
            for (var band = 1; band < keys.Length; band++)
            {
                similar.Parameters[band - 1].Value = keys[band];
            }

            candidates.UnionWith(Ids(similar));
        }

        var matches = candidates
            .Where(id => id != articleId)
            .Select(id => (Id: id, Stored: Read(id)))
            .Where(c => c.Stored is { } other && signature.Similarity(other.Signature) >= StorySignature.Threshold)
            .Select(c => (c.Id, c.Stored!.Value.ClusterId))
            .ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var cluster = matches.Select(m => m.ClusterId).FirstOrDefault(c => c is not null) ?? matches.Min(m => m.Id);
        foreach (var (id, joined) in matches)
        {
            if (joined is null)
            {
                SetCluster(id, cluster);
            }
            else if (joined != cluster)
            {
                var merge = prepare("UPDATE ArticleSignatures SET ClusterId = $cluster WHERE ClusterId = $merged");
                merge.Parameters["$cluster"].Value = cluster;
                merge.Parameters["$merged"].Value = joined;
                merge.ExecuteNonQuery();
            }
        }

        return cluster;
    }

    private static HashSet<int> Ids(SqliteCommand lookup)
    {
        var ids = new HashSet<int>();
        using var reader = lookup.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    private void SetCluster(int articleId, int cluster)
    {
        var update = prepare("UPDATE ArticleSignatures SET ClusterId = $cluster WHERE ArticleId = $id");
        update.Parameters["$cluster"].Value = cluster;
        update.Parameters["$id"].Value = articleId;
        update.ExecuteNonQuery();
    }

    private (StorySignature Signature, int? ClusterId)? Read(int articleId)
    {
        var select = prepare("SELECT TextHash, MinHash, Words, ClusterId FROM ArticleSignatures WHERE ArticleId = $id");
        select.Parameters["$id"].Value = articleId;
        using var reader = select.ExecuteReader();
        return reader.Read()
            ? (StorySignature.FromStored(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetInt32(2)), reader.IsDBNull(3) ? null : reader.GetInt32(3))
            : null;
    }
}
