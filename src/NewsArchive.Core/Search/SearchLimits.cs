namespace NewsArchive.Core.Search;

/// <summary>
/// How much of the server one search may take (the "Search" configuration section). A term that matches most of a
/// million articles is a full FTS5 scan: these keep a burst of them from starving everyone else.
/// </summary>
public sealed record SearchLimits
{
    public const string Section = "Search";

    /// <summary>Full-text scans running at once; more wait their turn without holding a thread.</summary>
    public int ConcurrentScans { get; init; } = Environment.ProcessorCount;

    /// <summary>The longest a search waits for its matches, queueing included, before it is answered "busy".</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Memory for the match lists of recent queries (12 bytes a match).</summary>
    public int CacheMegabytes { get; init; } = 64;
}

/// <summary>A search that could not be answered within <see cref="SearchLimits.Budget"/>: the server is busy, or the query matches too much.</summary>
public sealed class SearchBusyException(TimeSpan budget)
    : Exception($"This search could not be answered within {budget.TotalSeconds:0.#} seconds: the archive is busy, or the query matches a very large part of it. Try again in a moment, or narrow it with more words, an outlet or dates.");
