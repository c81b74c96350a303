using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using NewsArchive.Core.Search;

namespace NewsArchive.Core.Clustering;

/// <summary>
/// What near-duplicate detection keeps of an article's text. The text is normalised to its words, folded as the
/// search index folds them (<see cref="IndexTokens"/>: case, accents, punctuation and spacing do not count); a hash
/// of those words finds exact duplicates. The headline is left out, since republications often change it, except
/// from a text too short to tell a story from boilerplate (the Reuters corpus holds 1,600 bodies that read
/// "Blah blah blah."): there the headline must match too. For near duplicates the words are cut into overlapping runs of
/// <see cref="ShingleWords"/> (shingles), and <see cref="Hashes"/> MinHash values summarise the set of shingles:
/// the share of equal values between two signatures estimates the Jaccard similarity of their shingle sets.
/// LSH: the first <see cref="Bands"/> × <see cref="RowsPerBand"/> values, in bands, give one key per band; two
/// articles sharing a key are candidates, and join one story when their estimated similarity is at least
/// <see cref="Threshold"/>. The parameters were chosen by measurement (docs/clusters.md); they are part of the stored
/// format: changing one means signing every article again.
/// </summary>
public sealed class StorySignature
{
    public const int ShingleWords = 5;

    public const int Hashes = 128;

    public const int Bands = 8;

    public const int RowsPerBand = 4;

    public const double Threshold = 0.8;

    /// <summary>Shorter texts join a story only as exact duplicates, headline included: a few changed words decide a short text's similarity.</summary>
    public const int MinWords = 20;

    private const ulong Golden = 0x9E3779B97F4A7C15;

    // A multiply-shift hash per MinHash slot over the shingle's 64-bit hash: fixed, so stored signatures stay comparable.
    private static readonly ulong[] Multipliers = MakeSlots(odd: true);

    private static readonly ulong[] Addends = MakeSlots(odd: false);

    private readonly uint[] values;

    private StorySignature(long textHash, uint[] minHash, int words)
    {
        TextHash = textHash;
        values = minHash;
        Words = words;
    }

    public long TextHash { get; }

    /// <summary><see cref="Hashes"/> values; empty when the text has fewer than <see cref="MinWords"/> words.</summary>
    public IReadOnlyList<uint> MinHash => values;

    public int Words { get; }

    public static StorySignature Of(string title, string text)
    {
        var words = IndexTokens.Of(text).Select(WordHash).ToArray();
        var textHash = words.Aggregate(Golden, (hash, word) => Mix(hash ^ word));
        if (words.Length < MinWords)
        {
            var headed = IndexTokens.Of(title).Select(WordHash).Aggregate(Mix(textHash), (hash, word) => Mix(hash ^ word));
            return new StorySignature((long)headed, [], words.Length);
        }

        // Four slots at a time: the hashing is most of the cost of a signature, and it runs for every article.
        var minimums = new ulong[Hashes];
        Array.Fill(minimums, ulong.MaxValue);
        for (var start = 0; start + ShingleWords <= words.Length; start++)
        {
            var shingle = Golden;
            for (var i = start; i < start + ShingleWords; i++)
            {
                shingle = Mix(shingle ^ words[i]);
            }

            var shingles = Vector256.Create(shingle);
            for (var slot = 0; slot < Hashes; slot += Vector256<ulong>.Count)
            {
                var values = Vector256.ShiftRightLogical((Vector256.LoadUnsafe(ref Multipliers[slot]) * shingles) + Vector256.LoadUnsafe(ref Addends[slot]), 32);
                Vector256.Min(values, Vector256.LoadUnsafe(ref minimums[slot])).StoreUnsafe(ref minimums[slot]);
            }
        }

        return new StorySignature((long)textHash, [.. minimums.Select(value => (uint)value)], words.Length);
    }

    public static StorySignature FromStored(long textHash, byte[] minHash, int words)
    {
        var values = new uint[minHash.Length / sizeof(uint)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(minHash.AsSpan(i * sizeof(uint)));
        }

        return new StorySignature(textHash, values, words);
    }

    public byte[] StoredMinHash()
    {
        var bytes = new byte[values.Length * sizeof(uint)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), values[i]);
        }

        return bytes;
    }

    /// <summary>1 for the same normalised text; else the estimated Jaccard similarity (0 when either text is too short).</summary>
    public double Similarity(StorySignature other)
    {
        if (TextHash == other.TextHash)
        {
            return 1;
        }

        if (values.Length == 0 || other.values.Length == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < Hashes; i++)
        {
            equal += values[i] == other.values[i] ? 1 : 0;
        }

        return equal / (double)Hashes;
    }

    /// <summary>The index keys: the exact text's, then one per band (none for a short text). 32 bits are plenty: a chance collision only adds a candidate, which the similarity check turns away.</summary>
    public int[] BandKeys()
    {
        var keys = new int[values.Length == 0 ? 1 : Bands + 1];
        keys[0] = Key(Mix((ulong)TextHash ^ Golden));
        for (var band = 0; band < keys.Length - 1; band++)
        {
            var hash = Mix((ulong)(band + 1) * Golden);
            for (var row = band * RowsPerBand; row < (band + 1) * RowsPerBand; row++)
            {
                hash = Mix(hash ^ values[row]);
            }

            keys[band + 1] = Key(hash);
        }

        return keys;
    }

    private static int Key(ulong hash) => (int)(hash >> 32);

    /// <summary>FNV-1a over the word's characters, then mixed: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong WordHash(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>SplitMix64's finaliser: every input bit moves every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>SplitMix64's sequence from a fixed seed, the multipliers odd; multipliers and addends take turns in it.</summary>
    private static ulong[] MakeSlots(bool odd)
    {
        var slots = new ulong[Hashes];
        for (var i = 0; i < Hashes; i++)
        {
            var state = 0x5EEDUL + (((2 * (ulong)i) + (odd ? 1UL : 2UL)) * Golden);
            slots[i] = odd ? Mix(state) | 1 : Mix(state);
        }

        return slots;
    }
}
