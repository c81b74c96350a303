using NewsArchive.Core.Ingestion;

namespace NewsArchive.Web.Hosting;

/// <summary>What the background ingestion is doing, for the health check and for tests that wait for the first run.</summary>
public sealed class IngestionStatus
{
    private readonly TaskCompletionSource firstRun = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up ingestion of the corpus folder has ended, well or not.</summary>
    public Task FirstRun => firstRun.Task;

    public IngestReport? LastReport { get; private set; }

    public string? LastError { get; private set; }

    internal void Finished(IngestReport? report, string? error)
    {
        LastReport = report ?? LastReport;
        LastError = error;
        firstRun.TrySetResult();
    }
}
