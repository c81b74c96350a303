using System.Buffers.Binary;
using NewsArchive.Core.Clustering;
using NewsArchive.Core.Ingestion;

namespace NewsArchive.Tests.Clustering;

/// <summary>
/// A story's exact copy among more near versions than one candidate lookup reads (at a million generated articles,
/// a lead shared by some 260 files crowded out 25 copies of their originals).
/// </summary>
public sealed class CrowdedStoryTests
{
    private const int Crowd = 100;

    [Fact]
    public async Task An_exact_copy_joins_its_original_however_many_articles_share_its_bands()
    {
        using var archive = new TempArchive();
        for (var i = 0; i < Crowd + 2; i++)
        {
            archive.Write($"{i:D3}.txt", $"Article {i}\n\nText number {i}.");
        }

        await archive.IngestAsync();
        archive.Execute("DELETE FROM SignatureBands; DELETE FROM ArticleSignatures;");
        var ids = archive.Column("SELECT Id FROM Articles ORDER BY RelativePath").Select(int.Parse).ToList();

        // The crowd shares the original's band values (32 of 128) and nothing else: candidates all, similar to none.
        using (var writer = new ArticleWriter(archive.Database))
        {
            for (var i = 0; i < Crowd; i++)
            {
                writer.Backfill(ids[i], [], Signature(textHash: i + 1, rest: (uint)(1000 * (i + 1))));
            }

            writer.Backfill(ids[Crowd], [], Signature(textHash: 999_999, rest: 7));
            writer.Backfill(ids[Crowd + 1], [], Signature(textHash: 999_999, rest: 7));
            writer.Commit();
        }

        var clusters = archive.Column($"SELECT coalesce(ClusterId, 0) FROM ArticleSignatures WHERE ArticleId IN ({ids[Crowd]}, {ids[Crowd + 1]})");
        Assert.Equal(2, clusters.Count);
        Assert.NotEqual("0", clusters[0]);
        Assert.Equal(clusters[0], clusters[1]);
        Assert.Equal(2L, archive.Scalar<long>("SELECT count(*) FROM ArticleSignatures WHERE ClusterId IS NOT NULL"));
    }

    /// <summary>The bands' values are shared by all; the other values start at <paramref name="rest"/>, one apart.</summary>
    private static StorySignature Signature(long textHash, uint rest)
    {
        var bytes = new byte[StorySignature.Hashes * sizeof(uint)];
        for (var slot = 0; slot < StorySignature.Hashes; slot++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(slot * sizeof(uint)), slot < StorySignature.Bands * StorySignature.RowsPerBand ? (uint)slot : rest + (uint)slot);
        }

        return StorySignature.FromStored(textHash, bytes, words: 200);
    }
}
