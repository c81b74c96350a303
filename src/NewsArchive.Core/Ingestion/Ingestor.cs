using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NewsArchive.Core.Clustering;
using NewsArchive.Core.Entities;
using NewsArchive.Core.Parsing;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Ingestion;

/// <summary>
/// Keeps the archive in step with a corpus folder: new files are added, changed ones updated, deleted ones removed,
/// bad ones reported and skipped. Files are read, parsed, their entities found and their story signatures computed in
/// parallel; one writer commits them in batches.
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
            Backfill(writer, options.BatchSize);
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
            if (report.Removed > 0 || report.Updated > 0)
            {
                writer.DeleteUnused();
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
    /// Articles stored before entities and story clusters existed get their entities, signature and cluster from the
    /// text the archive holds, so that an archive upgraded in place is like a new one. Checked once per folder run
    /// (an article without a signature is one such); the watcher's runs add only files, which get both as written.
    /// </summary>
    private void Backfill(ArticleWriter writer, int batchSize)
    {
        var (count, lastId) = (0, 0);
        while (writer.UnsignedTexts(lastId, batchSize) is { Count: > 0 } batch)
        {
            var found = batch.AsParallel().Select(text =>
            {
                var entities = FindEntities(() => EntityExtractor.Shipped.Extract(text.Title, text.TitleDerived, text.Summary, text.Body.Split("\n\n"), text.Outlet), out var failure);
                if (failure is not null)
                {
                    logger.LogWarning("Article {Id}: {Failure}", text.Id, failure);
                }

                return (text.Id, Entities: entities, Signature: StorySignature.Of(text.Title, text.Body));
            }).ToList();
            foreach (var (id, entities, signature) in found)
            {
                writer.Backfill(id, entities, signature);
            }

            writer.Commit();
            (count, lastId) = (count + batch.Count, batch[^1].Id);
        }

        if (count > 0)
        {
            logger.LogInformation("Found the entities and story clusters of {Count} articles stored before either existed", count);
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
        // Not buffered: by default PLINQ lets the parsers run up to ~65,000 files ahead of the single writer, and
        // those parsed articles were most of the run's memory. Unbuffered, at most a few thousand wait.
        var prepared = work
            .AsParallel()
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .WithCancellation(cancellationToken)
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
            ? Prepared(file, stored, hash, article)
            : PreparedFile.Skip(file, parsed.Rejection ?? "not an article");
    }

    private static PreparedFile Prepared(CorpusFile file, StoredFile? stored, string hash, ParsedArticle article)
    {
        var entities = FindEntities(() => EntityExtractor.Shipped.Extract(article), out var failure);
        if (failure is not null)
        {
            article = article with { Warnings = [.. article.Warnings, failure] };
        }

        return new PreparedFile(file, stored, stored is null ? FileAction.Add : FileAction.Update, hash, article, entities, StorySignature.Of(article.Title, article.Body));
    }

    /// <summary>Like the parser, the extractor is meant never to throw; if it does, the article is kept, without entities, and says why.</summary>
    private static IReadOnlyList<FoundEntity> FindEntities(Func<IReadOnlyList<FoundEntity>> extract, out string? failure)
    {
        failure = null;
        try
        {
            return extract();
        }
        catch (Exception e)
        {
            failure = $"no entities: extraction failed ({e.GetType().Name}: {e.Message})";
            return [];
        }
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
                writer.Insert(item.File, item.Hash!, item.Article!, item.Entities!, item.Signature!);
                report.Added++;
                break;
            case FileAction.Update:
                writer.Update(item.Stored!.Id, item.File, item.Hash!, item.Article!, item.Entities!, item.Signature!);
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
        IReadOnlyList<FoundEntity>? Entities = null,
        StorySignature? Signature = null,
        string? SkipReason = null)
    {
        public static PreparedFile Skip(CorpusFile file, string reason) => new(file, null, FileAction.Skip, SkipReason: reason);
    }
}
