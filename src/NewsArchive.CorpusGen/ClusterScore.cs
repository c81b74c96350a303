using NewsArchive.Core.Storage;

namespace NewsArchive.CorpusGen;

/// <summary>
/// Story clusters found by ingestion against a generated corpus's truth, pair by pair: a pair of files is found when
/// both sit in one cluster, and right when the truth puts them in one story. Precision is the share of found pairs
/// that are right, recall the share of the truth's pairs that were found.
/// </summary>
/// <param name="WrongSharingSource">Wrong pairs whose files were made from a common real article: an original and a
/// recombined body that kept most of its sentences, or two recombined ones.</param>
/// <param name="WrongFromCorpora">Wrong pairs made from different real articles: texts that the real corpora hold twice,
/// nearly word for word, under two names.</param>
/// <param name="FoundDuplicates">Exact duplicates in the cluster of the file they copy.</param>
/// <param name="FoundRepublications">Republications in the cluster of the story they retell.</param>
public sealed record ClusterScore(
    long TruthPairs,
    long FoundPairs,
    long RightPairs,
    long WrongSharingSource,
    long WrongFromCorpora,
    int Duplicates,
    int FoundDuplicates,
    int Republications,
    int FoundRepublications,
    int Clusters,
    int LargestCluster)
{
    public double Precision => FoundPairs == 0 ? 1 : RightPairs / (double)FoundPairs;

    public double Recall => TruthPairs == 0 ? 1 : RightPairs / (double)TruthPairs;

    /// <summary>The clusters of an archive ingested from the corpus the truth describes.</summary>
    public static ClusterScore Of(IReadOnlyList<TruthRow> truth, ArchiveDatabase archive)
    {
        using var db = archive.CreateContext(readOnly: true);
        var clusterOf = (
            from article in db.Articles
            join signature in db.Set<ArticleSignature>() on article.Id equals signature.ArticleId into signatures
            from signature in signatures.DefaultIfEmpty()
            select new { article.RelativePath, Cluster = signature == null ? null : signature.ClusterId })
            .ToDictionary(row => row.RelativePath, row => row.Cluster, StringComparer.Ordinal);
        return Of(truth, clusterOf);
    }

    /// <param name="clusterOf">Each file's cluster as ingestion stored it; null for a file alone (or not stored).</param>
    public static ClusterScore Of(IReadOnlyList<TruthRow> truth, IReadOnlyDictionary<string, int?> clusterOf)
    {
        var found = truth
            .Where(row => clusterOf.GetValueOrDefault(row.Path) is not null)
            .GroupBy(row => clusterOf[row.Path]!.Value)
            .Select(group => group.ToList())
            .ToList();
        long wrongSharing = 0, wrongCorpora = 0;
        foreach (var cluster in found)
        {
            for (var i = 0; i < cluster.Count; i++)
            {
                for (var j = i + 1; j < cluster.Count; j++)
                {
                    if (cluster[i].Cluster == cluster[j].Cluster)
                    {
                        continue;
                    }

                    if (cluster[i].Sources.Intersect(cluster[j].Sources).Any())
                    {
                        wrongSharing++;
                    }
                    else
                    {
                        wrongCorpora++;
                    }
                }
            }
        }

        bool Together(TruthRow row) => clusterOf.GetValueOrDefault(row.Path) is { } cluster && clusterOf.GetValueOrDefault(row.Of!) == cluster;
        var duplicates = truth.Where(row => row.Kind == FileKind.Duplicate).ToList();
        var republications = truth.Where(row => row.Kind == FileKind.Republication).ToList();
        return new ClusterScore(
            Pairs(truth.GroupBy(row => row.Cluster).Select(group => group.Count())),
            Pairs(found.Select(cluster => cluster.Count)),
            Pairs(found.SelectMany(cluster => cluster.GroupBy(row => row.Cluster).Select(group => group.Count()))),
            wrongSharing,
            wrongCorpora,
            duplicates.Count,
            duplicates.Count(Together),
            republications.Count,
            republications.Count(Together),
            found.Count,
            found.Select(cluster => cluster.Count).DefaultIfEmpty(0).Max());
    }

    private static long Pairs(IEnumerable<int> groupSizes) => groupSizes.Sum(n => (long)n * (n - 1) / 2);
}
