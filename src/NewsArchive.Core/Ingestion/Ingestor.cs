using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NewsArchive.Core.Clustering;
using NewsArchive.Core.Parsing;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Ingestion;

/// <summary>
/// Keeps the archive in step with a corpus folder: new files are added, changed ones updated, deleted ones removed,
/// bad ones reported and skipped. Files are read and parsed in parallel; one writer commits them in batches.
/// Running it twice over an unchanged folder writes nothing.
/// </summary>
public sealed class Ingestor(ArchiveDatabase database, ILogger<Ingestor> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The whole folder: every file compared with what the archive holds.</summary>
    public IngestReport IngestFolder(IngestOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        return Run(options, (writer, scanner) =>
        {
            SignUnsigned(writer, options.BatchSize);
            var stored = writer.LoadStoredFiles();
            var files = scanner.Scan().ToList();
            var work = files.Select(file => (file, stored.GetValueOrDefault(file.RelativePath)));
            var report = Process(writer, scanner, options, work, files.Count, progress, cancellationToken);
            foreach (var (path, reason) in scanner.PassedOver)
            {
                report.Skipped.Add(new SkippedFile(path, reason));
                logger.LogInformation("Passed over {File}: {Reason}", path, reason);
            }

            foreach (var file in files)
            {
                stored.Remove(file.RelativePath);
            }

            report.UnreadableFolders.AddRange(scanner.UnreadableFolders);
            var gone = stored.Where(s => !scanner.UnreadableFolders.Any(folder => IsUnder(s.Key, folder)));
            foreach (var (path, file) in gone)
            {
                Remove(writer, path, file, report);
            }

            return report;
        });
    }

    /// <summary>Just these files (from the folder watcher): each is added, updated or, when gone, removed.</summary>
    public IngestReport IngestPaths(IngestOptions options, IEnumerable<string> relativePaths, CancellationToken cancellationToken = default)
    {
        return Run(options, (writer, scanner) =>
        {
            var present = new List<(CorpusFile, StoredFile?)>();
            var gone = new List<(string, StoredFile)>();
            foreach (var path in relativePaths.Distinct(StringComparer.Ordinal))
            {
                var stored = writer.FindStoredFile(path);
                if (scanner.Find(path) is { } file)
                {
                    present.Add((file, stored));
                }
                else if (stored is not null)
                {
                    gone.Add((path, stored));
                }
            }

            var report = Process(writer, scanner, options, present, present.Count, null, cancellationToken);
            foreach (var (path, stored) in gone)
            {
                Remove(writer, path, stored, report);
            }

            return report;
        });
    }

    private void Remove(ArticleWriter writer, string path, StoredFile stored, IngestReport report)
    {
        writer.Delete(stored.Id);
        report.Removed++;
        logger.LogInformation("Removed {File}: the file is gone", path);
    }

    private static CorpusScanner OpenCorpus(string folder) =>
        Directory.Exists(folder)
            ? new CorpusScanner(folder)
            : throw new DirectoryNotFoundException($"The corpus folder {folder} does not exist.");

    private static bool IsUnder(string path, string folder) =>
        folder == "." || path.StartsWith(folder + "/", StringComparison.Ordinal);

    private IngestReport Run(IngestOptions options, Func<ArticleWriter, CorpusScanner, IngestReport> body)
    {
        var clock = Stopwatch.StartNew();
        var folder = Path.GetFullPath(options.CorpusPath);
        using var writer = new ArticleWriter(database);
        var runId = writer.StartRun(folder);
        IngestReport? report = null;
        try
        {
            // Inside the run: a missing folder is a failed run on record (footer, /healthz), not only an exception.
            report = body(writer, OpenCorpus(folder));
            if (report.Removed > 0)
            {
                writer.DeleteEmptyOutlets();
            }

            report.Elapsed = clock.Elapsed;
            writer.FinishRun(runId, report, error: null);
            logger.LogInformation("Ingested {Folder}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Skipped} skipped in {Seconds:0.0} s",
                folder, report.Added, report.Updated, report.Unchanged, report.Removed, report.Skipped.Count, clock.Elapsed.TotalSeconds);
            return report;
        }
        catch (Exception e)
        {
            // The open batch is rolled back; earlier batches stay, and the next run finishes the job.
            try
            {
                writer.Rollback();
                writer.FinishRun(runId, report ?? new IngestReport(), e is OperationCanceledException ? "cancelled" : e.Message);
            }
            catch (Exception recording) when (recording is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                // The database itself failed (disk full, I/O): the original error is the one to report.
                logger.LogWarning(recording, "Could not record the failed run {RunId}", runId);
            }

            throw;
        }
    }

    /// <summary>
    /// Articles stored before story clusters existed get their signature and cluster, from the text the archive holds,
    /// so that an archive upgraded in place clusters like a new one. Checked once per folder run; the watcher's runs
    /// add only files, which are signed as they are written.
    /// </summary>
    private void SignUnsigned(ArticleWriter writer, int batchSize)
    {
        var unsigned = writer.UnsignedArticles();
        foreach (var batch in unsigned.Chunk(batchSize))
        {
            var signed = writer.Texts(batch).AsParallel().Select(article => (article.Id, Signature: StorySignature.Of(article.Title, article.Body))).ToList();
            foreach (var (id, signature) in signed)
            {
                writer.Sign(id, signature);
            }

            writer.Commit();
        }

        if (unsigned.Count > 0)
        {
            logger.LogInformation("Signed {Count} articles stored before story clusters", unsigned.Count);
        }
    }

    private IngestReport Process(
        ArticleWriter writer,
        CorpusScanner scanner,
        IngestOptions options,
        IEnumerable<(CorpusFile File, StoredFile? Stored)> work,
        int total,
        IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        var report = new IngestReport();
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var parseOptions = new ParseOptions(options.DefaultOutlet);
        // Not buffered: parsers that outrun the writer would otherwise queue up to 512 × 64 parsed articles each.
        var prepared = work
            .AsParallel()
            .WithCancellation(cancellationToken)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(item => Prepare(scanner, item.File, item.Stored, options.MaxFileBytes, parseOptions));

        foreach (var item in prepared)
        {
            Apply(writer, item, report);
            if (writer.Pending >= options.BatchSize)
            {
                writer.Commit();
            }

            if (progress is not null && clock.Elapsed - lastProgress >= ProgressInterval)
            {
                lastProgress = clock.Elapsed;
                progress.Report(new IngestProgress(report.Seen, total, clock.Elapsed));
            }
        }

        writer.Commit();
        progress?.Report(new IngestProgress(report.Seen, total, clock.Elapsed));
        return report;
    }

    private static PreparedFile Prepare(CorpusScanner scanner, CorpusFile file, StoredFile? stored, long maxBytes, ParseOptions parseOptions)
    {
        if (stored is not null && stored.Size == file.Size && stored.ModifiedTicks == file.ModifiedTicks)
        {
            return new PreparedFile(file, stored, FileAction.Unchanged);
        }

        // Not opened at all: a named pipe or a device also reports 0 bytes, and opening one would block the run forever.
        if (file.Size == 0)
        {
            return PreparedFile.Skip(file, "empty file: 0 bytes, or not a regular file (a pipe, a device)");
        }

        if (file.Size > maxBytes)
        {
            return PreparedFile.Skip(file, $"larger than the {maxBytes / (1024 * 1024)} MB limit ({file.Size / (1024.0 * 1024):0.0} MB)");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(scanner.FullPathOf(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PreparedFile.Skip(file, $"unreadable: {e.Message}");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (stored is not null && stored.ContentHash == hash)
        {
            return new PreparedFile(file, stored, FileAction.Touch);
        }

        ParseResult parsed;
        try
        {
            parsed = ArticleParser.Parse(bytes, parseOptions);
        }
        catch (Exception e)
        {
            // The parser is meant never to throw; if it does, one file is skipped, not the run.
            return PreparedFile.Skip(file, $"parser failure ({e.GetType().Name}: {e.Message})");
        }

        return parsed.Article is { } article
            ? new PreparedFile(file, stored, stored is null ? FileAction.Add : FileAction.Update, hash, article, StorySignature.Of(article.Title, article.Body))
            : PreparedFile.Skip(file, parsed.Rejection ?? "not an article");
    }

    private void Apply(ArticleWriter writer, PreparedFile item, IngestReport report)
    {
        switch (item.Action)
        {
            case FileAction.Unchanged:
                report.Unchanged++;
                break;
            case FileAction.Touch:
                writer.Touch(item.Stored!.Id, item.File);
                report.Unchanged++;
                break;
            case FileAction.Add:
                writer.Insert(item.File, item.Hash!, item.Article!, item.Signature!);
                report.Added++;
                break;
            case FileAction.Update:
                writer.Update(item.Stored!.Id, item.File, item.Hash!, item.Article!, item.Signature!);
                report.Updated++;
                logger.LogInformation("Updated {File}", item.File.RelativePath);
                break;
            case FileAction.Skip:
                // A file that was an article keeps its last good version: a bad rewrite loses nothing.
                report.Skipped.Add(new SkippedFile(item.File.RelativePath, item.SkipReason!));
                logger.LogWarning("Skipped {File}: {Reason}", item.File.RelativePath, item.SkipReason);
                break;
        }
    }

    private enum FileAction
    {
        Unchanged,
        Touch,
        Add,
        Update,
        Skip,
    }

    private sealed record PreparedFile(
        CorpusFile File,
        StoredFile? Stored,
        FileAction Action,
        string? Hash = null,
        ParsedArticle? Article = null,
        StorySignature? Signature = null,
        string? SkipReason = null)
    {
        public static PreparedFile Skip(CorpusFile file, string reason) => new(file, null, FileAction.Skip, SkipReason: reason);
    }
}
