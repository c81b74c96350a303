using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Core.Storage;
using NewsArchive.Tests.Api;
using NewsArchive.Web.Hosting;

namespace NewsArchive.Tests.Reliability;

/// <summary>The <c>backup</c> verb, and a restore done the way the README says.</summary>
public sealed class BackupTests
{
    private const string Rows = "SELECT RelativePath || '|' || ContentHash || '|' || Title || '|' || Body FROM Articles ORDER BY RelativePath";

    [Fact]
    public async Task Backup_verb_writes_one_whole_file_with_every_article()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        var target = Path.Combine(archive.Root, "backups", "archive-copy.db");

        var (exitCode, output) = await WebAppProcess.RunAsync("backup", target, "--db", archive.DatabasePath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Done: 5 articles", output, StringComparison.Ordinal);
        Assert.Equal(["archive-copy.db"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName)); // no WAL beside it
        var copy = new ArchiveDatabase(target);
        Assert.Empty(copy.CheckIntegrity());
        archive.AssertArticlesMatchFiles(copy);
        Assert.Equal(5, Count(copy));
    }

    [Fact]
    public async Task Backup_verb_never_overwrites_and_explains_what_is_wrong()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        var before = archive.Column(Rows);

        var (onItself, itself) = await WebAppProcess.RunAsync("backup", archive.DatabasePath, "--db", archive.DatabasePath);
        var (nothing, missing) = await WebAppProcess.RunAsync("backup", Path.Combine(archive.Root, "copy.db"), "--db", Path.Combine(archive.Root, "none.db"));
        var (usage, help) = await WebAppProcess.RunAsync("backup", "--db");

        Assert.Equal(1, onItself);
        Assert.Contains("exists; choose a new file name", itself, StringComparison.Ordinal);
        Assert.Equal(before, archive.Column(Rows));
        Assert.Equal(1, nothing);
        Assert.Contains("there is no archive at", missing, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(archive.Root, "copy.db")));
        Assert.Equal(2, usage);
        Assert.Contains("usage: backup <file>", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_taken_while_ingesting_is_one_consistent_snapshot()
    {
        using var archive = new TempArchive();
        Directory.Delete(archive.Corpus);
        Directory.CreateSymbolicLink(archive.Corpus, Path.Combine(TestPaths.Corpora, "reuters21578", "txt"));

        // The whole corpus in small batches: still running long after the backup has started.
        using var ingestion = WebAppProcess.Start("ingest", archive.Corpus, "--db", archive.DatabasePath, "--batch", "10");
        await archive.WaitForProgressAsync(ingestion, storedBefore: 100);
        var target = Path.Combine(archive.Root, "during.db");
        var (exitCode, output) = await WebAppProcess.RunAsync("backup", target, "--db", archive.DatabasePath);
        var stillIngesting = !ingestion.HasExited;
        ingestion.Kill(entireProcessTree: true);
        await ingestion.WaitForExitAsync();

        Assert.True(exitCode == 0, output);
        Assert.True(stillIngesting, "the ingestion ended before the backup: the test proved nothing");
        var copy = new ArchiveDatabase(target);
        Assert.Empty(copy.CheckIntegrity());
        archive.AssertArticlesMatchFiles(copy);
        Assert.InRange(Count(copy), 101, Count(archive.Database));
    }

    [Fact]
    public async Task A_restored_backup_is_served_and_its_files_count_as_unchanged()
    {
        using var app = new ArchiveAppFactory();
        var archive = app.Archive;
        archive.Write("late/marker.txt", "Harbour reopens after storm\n\nThe harbour reopened on Friday after a week of repairs.");
        await archive.IngestAsync();
        var backup = Path.Combine(archive.Root, "nightly.db");
        var (exitCode, output) = await WebAppProcess.RunAsync("backup", backup, "--db", archive.DatabasePath);
        Assert.True(exitCode == 0, output);

        // The archive is lost (here: overwritten with junk); restore as the README says:
        // with the app stopped, remove the database's WAL files and copy the backup over the database file.
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(archive.DatabasePath, "not a database");
        foreach (var wal in Directory.GetFiles(Path.GetDirectoryName(archive.DatabasePath)!, "*.db-*"))
        {
            File.Delete(wal);
        }

        File.Copy(backup, archive.DatabasePath, overwrite: true);
        var client = await app.ReadyClientAsync();
        var firstRun = app.Services.GetRequiredService<IngestionStatus>().LastReport!;

        Assert.Equal((0, 0, 6), (firstRun.Added, firstRun.Updated, firstRun.Unchanged));
        var unknown = JsonDocument.Parse(await client.GetStringAsync("/api/articles?outlet=unknown")).RootElement;
        Assert.Equal(1, unknown.GetProperty("total").GetInt32());
        Assert.Contains("Harbour reopens after storm", await client.GetStringAsync("/"), StringComparison.Ordinal);
        archive.AssertConsistent();
    }

    private static long Count(ArchiveDatabase database)
    {
        using var context = database.CreateContext(readOnly: true);
        return context.Articles.LongCount();
    }
}
