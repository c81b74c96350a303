using System.Threading.Channels;
using NewsArchive.Core.Ingestion;

namespace NewsArchive.Web.Hosting;

/// <summary>
/// Ingests the configured corpus folder in the background while the app already serves, then watches it,
/// so that a new, changed or deleted file shows in the archive within seconds.
/// </summary>
internal sealed class CorpusIngestionService(
    Ingestor ingestor,
    ArchiveOptions options,
    IngestionStatus status,
    ILogger<CorpusIngestionService> logger) : BackgroundService
{
    /// <summary>Editors and copies write a file in several steps: wait for quiet before reading it.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    /// <summary>A change that the watcher cannot pin on one file (a folder, a lost event): rescan everything.</summary>
    private const string Rescan = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ingest = new IngestOptions(options.CorpusPath, options.DefaultOutlet);
        if (!Directory.Exists(ingest.CorpusPath))
        {
            // A failed run on record (log, footer, /healthz), and nothing to watch. Set Archive:CorpusPath.
            await RunAsync(() => ingestor.IngestFolder(ingest, cancellationToken: stoppingToken));
            return;
        }

        var changes = Channel.CreateUnbounded<string>();
        // Watch before the first scan, so a file written during it is not missed.
        using var watcher = options.WatchCorpus ? Watch(ingest.CorpusPath, changes.Writer) : null;
        await RunAsync(() => ingestor.IngestFolder(ingest, new ProgressLog(logger, ingest.CorpusPath), stoppingToken));

        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Settle, stoppingToken);
                var paths = new HashSet<string>(StringComparer.Ordinal);
                while (changes.Reader.TryRead(out var path))
                {
                    paths.Add(path);
                }

                await RunAsync(() => paths.Contains(Rescan)
                    ? ingestor.IngestFolder(ingest, new ProgressLog(logger, ingest.CorpusPath), stoppingToken)
                    : ingestor.IngestPaths(ingest, paths, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Runs one ingestion off the request threads; a failure is logged and reported, never fatal to the app.</summary>
    private async Task RunAsync(Func<IngestReport> ingestion)
    {
        try
        {
            status.Finished(await Task.Run(ingestion), null);
        }
        catch (OperationCanceledException)
        {
            status.Finished(null, "cancelled");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Ingestion of {Folder} failed", options.CorpusPath);
            status.Finished(null, e.Message);
        }
    }

    private FileSystemWatcher Watch(string folder, ChannelWriter<string> changes)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        void Changed(string fullPath)
        {
            var relative = Path.GetRelativePath(folder, fullPath).Replace('\\', '/');
            changes.TryWrite(CorpusScanner.IsArticleFile(relative) && !Directory.Exists(fullPath) ? relative : Rescan);
        }

        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Changed(e.OldFullPath);
            Changed(e.FullPath);
        };
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "The corpus watcher lost events; rescanning {Folder}", folder);
            changes.TryWrite(Rescan);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Progress of a long background run as structured events, at most one every ten seconds.</summary>
    private sealed class ProgressLog(ILogger logger, string folder) : IProgress<IngestProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
        private TimeSpan lastLogged = TimeSpan.Zero;

        public void Report(IngestProgress value)
        {
            if (value.Elapsed - lastLogged < Interval)
            {
                return;
            }

            lastLogged = value.Elapsed;
            logger.LogInformation("Ingesting {Folder}: {Done}/{Total} files, {Rate:0} files/s, {Remaining} left",
                folder, value.Done, value.Total, value.FilesPerSecond, value.Remaining);
        }
    }
}
