namespace NewsArchive.Core.Ingestion;

public sealed record SkippedFile(string RelativePath, string Reason);

/// <summary>What one run did, for the command line, the log and the footer.</summary>
public sealed class IngestReport
{
    public int Added { get; internal set; }

    public int Updated { get; internal set; }

    public int Unchanged { get; internal set; }

    public int Removed { get; internal set; }

    public List<SkippedFile> Skipped { get; } = [];

    /// <summary>Folders that could not be listed: their articles were kept, not taken for deleted.</summary>
    public List<string> UnreadableFolders { get; } = [];

    public TimeSpan Elapsed { get; internal set; }

    public int Seen => Added + Updated + Unchanged + Skipped.Count;

    public bool WroteAnything => Added + Updated + Removed > 0;

    public override string ToString() =>
        $"{Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Skipped.Count} skipped in {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>A progress snapshot: enough for a live line with rate and ETA.</summary>
public sealed record IngestProgress(int Done, int Total, TimeSpan Elapsed)
{
    public double FilesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    public TimeSpan? Remaining => FilesPerSecond > 0 ? TimeSpan.FromSeconds((Total - Done) / FilesPerSecond) : null;
}
