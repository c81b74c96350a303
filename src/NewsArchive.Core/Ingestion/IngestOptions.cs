namespace NewsArchive.Core.Ingestion;

/// <param name="CorpusPath">The folder to keep the archive in step with.</param>
/// <param name="DefaultOutlet">The outlet of a file that names none.</param>
/// <param name="MaxFileBytes">Larger files are skipped: no news article is this long, a dump or a binary is.</param>
/// <param name="BatchSize">Files written per transaction: large enough to be fast, small enough that a kill loses little work.</param>
public sealed record IngestOptions(
    string CorpusPath,
    string? DefaultOutlet = null,
    long MaxFileBytes = 5 * 1024 * 1024,
    int BatchSize = 2_000);
