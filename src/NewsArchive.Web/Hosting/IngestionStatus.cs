using NewsArchive.Core.Ingestion;

namespace NewsArchive.Web.Hosting;

/// <summary>What the background ingestion did last, for /healthz, the footer, and tests that wait for the first run.</summary>
public sealed class IngestionStatus
{
    private readonly TaskCompletionSource firstRun = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up ingestion of the corpus folder has ended, well or not.</summary>
    public Task FirstRun => firstRun.Task;

    /// <summary>The report of the last run that finished without error.</summary>
    public IngestReport? LastReport { get; private set; }

    /// <summary>Why the last run failed; null when it succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>When the last run started and ended (UTC); null until one has ended.</summary>
    public DateTime? LastStartedAt { get; private set; }

    public DateTime? LastFinishedAt { get; private set; }

    internal void Finished(DateTime startedAt, IngestReport? report, string? error)
    {
        LastReport = report ?? LastReport;
        LastError = error;
        LastStartedAt = startedAt;
        LastFinishedAt = DateTime.UtcNow;
        firstRun.TrySetResult();
    }
}
