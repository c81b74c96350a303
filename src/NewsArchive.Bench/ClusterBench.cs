using System.Globalization;
using NewsArchive.Core.Storage;
using NewsArchive.CorpusGen;

namespace NewsArchive.Bench;

/// <summary>The story clusters of an archive ingested from a generated corpus, scored against its truth (docs/clusters.md).</summary>
internal static class ClusterBench
{
    public static int Run(string databasePath, string corpus)
    {
        var truth = TruthManifest.Read(Path.Combine(corpus, TruthManifest.FileName));
        var score = ClusterScore.Of(truth, new ArchiveDatabase(databasePath));
        var wrong = score.FoundPairs - score.RightPairs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            files {truth.Count:N0}; clusters found {score.Clusters:N0}, the largest of {score.LargestCluster:N0} files
            pairs: truth {score.TruthPairs:N0}, found {score.FoundPairs:N0}, right {score.RightPairs:N0}
            precision {score.Precision:P2}, recall {score.Recall:P2}
            wrong pairs {wrong:N0}: {score.WrongSharingSource:N0} made from a common real article, {score.WrongFromCorpora:N0} from different ones
            exact duplicates with their original: {score.FoundDuplicates:N0} of {score.Duplicates:N0}; republications: {score.FoundRepublications:N0} of {score.Republications:N0}
            """));
        return 0;
    }
}
