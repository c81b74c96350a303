namespace NewsArchive.CorpusGen;

/// <summary>
/// SplitMix64: tiny, fast, and the same numbers on every machine and .NET version (System.Random promises neither),
/// so a seed always gives the same corpus. One instance per file and purpose, so files can be made in any order.
/// </summary>
public sealed class SeededRandom(ulong state)
{
    private ulong state = state;

    /// <summary>The stream for one purpose of one file: independent of every other file's streams.</summary>
    public static SeededRandom For(int seed, long index, RandomStream stream)
    {
        var mixer = new SeededRandom(((ulong)(uint)seed << 32) ^ (ulong)stream);
        return new SeededRandom(mixer.NextUInt64() ^ (ulong)index * 0xD1B54A32D192ED03UL);
    }

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive) => (int)((NextUInt64() >> 32) * (ulong)maxExclusive >> 32);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}

/// <summary>What a random stream is for; part of its seed.</summary>
public enum RandomStream
{
    Plan = 1,
    Body = 2,
    Edits = 3,
    Layout = 4,
}
