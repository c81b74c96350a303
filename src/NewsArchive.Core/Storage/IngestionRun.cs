namespace NewsArchive.Core.Storage;

/// <summary>The record of one ingestion run, for the footer's "last ingestion" line and the health check.</summary>
public sealed class IngestionRun
{
    public int Id { get; set; }

    public required string Folder { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Removed { get; set; }

    public int Skipped { get; set; }

    /// <summary>Null while running or after success; the error that ended the run otherwise.</summary>
    public string? Error { get; set; }
}
