using NewsArchive.Core.Ingestion;
using NewsArchive.Core.Storage;
using NewsArchive.Web.Hosting;

namespace NewsArchive.Web.Cli;

/// <summary>
/// <c>ingest &lt;folder&gt; [--db &lt;file&gt;] [--outlet &lt;default outlet&gt;] [--batch &lt;files per transaction&gt;]</c>: brings the archive in step with a folder,
/// with a live progress line and a final report. Exit code 0 when the run finished, skipped files included.
/// </summary>
public static class IngestCommand
{
    private const string Usage = "usage: ingest <folder> [--db <file>] [--outlet <default outlet>] [--batch <files per transaction, default 2000>]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "ingest";

    public static async Task<int> RunAsync(string[] args)
    {
        if (CommandLine.Parse(args[1..], "db", "outlet", "batch") is not { } line || !line.TryPositive("batch", out var batch))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(line.Settings);
        builder.AddArchiveLogging();
        builder.Services.AddSingleton<Ingestor>();
        var options = ArchiveOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(line.Archive(builder));
        using var host = builder.Build();

        var database = host.Services.GetRequiredService<ArchiveDatabase>();
        var corpus = Path.GetFullPath(line.Argument);
        if (!Directory.Exists(corpus))
        {
            await Console.Error.WriteLineAsync($"ingest: the folder {corpus} does not exist.");
            return 1;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Console.WriteLine($"Ingesting {corpus} into {database.Path}");
        await database.MigrateAsync(cancel.Token);
        var ingestor = host.Services.GetRequiredService<Ingestor>();
        var ingest = new IngestOptions(corpus, line.Option("outlet") ?? options.DefaultOutlet);
        ingest = batch is { } size ? ingest with { BatchSize = size } : ingest;
        try
        {
            var report = await Task.Run(() => ingestor.IngestFolder(ingest, new ProgressLine(), cancel.Token));
            PrintReport(report);
            return 0;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("\ningest: cancelled; what was committed stays, and the next run finishes the job.");
            return 130;
        }
    }

    private static void PrintReport(IngestReport report)
    {
        Console.WriteLine();
        Console.WriteLine($"Done: {report}.");
        foreach (var folder in report.UnreadableFolders)
        {
            Console.WriteLine($"  unreadable folder (its articles were kept): {folder}");
        }

        if (report.Skipped.Count == 0)
        {
            return;
        }

        Console.WriteLine($"Skipped {report.Skipped.Count} file(s):");
        foreach (var group in report.Skipped.GroupBy(s => s.Reason.Split(':')[0]).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {group.Count(),6}  {group.Key}");
            foreach (var file in group.Take(5))
            {
                Console.WriteLine($"          {file.RelativePath}: {file.Reason}");
            }

            if (group.Count() > 5)
            {
                Console.WriteLine($"          … and {group.Count() - 5} more (see the log)");
            }
        }
    }

    /// <summary>Files done, rate and ETA, redrawn in place on a terminal and printed every few seconds otherwise.</summary>
    private sealed class ProgressLine : IProgress<IngestProgress>
    {
        private DateTime lastPrinted = DateTime.MinValue;

        public void Report(IngestProgress value)
        {
            var eta = value.Remaining is { } r ? $"ETA {r:hh\\:mm\\:ss}" : "ETA --";
            var line = $"{value.Done:N0}/{value.Total:N0} files  {value.FilesPerSecond:N0} files/s  {eta}";
            if (!Console.IsOutputRedirected)
            {
                Console.Write($"\r{line}\u001b[K");
            }
            else if (DateTime.UtcNow - lastPrinted > TimeSpan.FromSeconds(5) || value.Done == value.Total)
            {
                lastPrinted = DateTime.UtcNow;
                Console.WriteLine(line);
            }
        }
    }
}
