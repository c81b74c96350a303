using Microsoft.Data.Sqlite;
using NewsArchive.Core.Storage;

namespace NewsArchive.Web.Cli;

/// <summary>
/// <c>backup &lt;file&gt; [--db &lt;archive&gt;]</c>: copies the archive into a new file with SQLite's online backup, safe while
/// the app serves and ingests (the copy is one consistent snapshot), then checks the copy before it reports success.
/// Exit code 0 when the copy is whole, 1 when there is nothing to copy or the copy failed, 2 on bad arguments.
/// </summary>
public static class BackupCommand
{
    private const string Usage = "usage: backup <file> [--db <archive file>]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "backup";

    public static async Task<int> RunAsync(string[] args)
    {
        if (CommandLine.Parse(args[1..], "db") is not { } line)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var source = line.Archive(Host.CreateApplicationBuilder(line.Settings));
        var copy = new ArchiveDatabase(line.Argument);
        if (!File.Exists(source.Path))
        {
            await Console.Error.WriteLineAsync($"backup: there is no archive at {source.Path}.");
            return 1;
        }

        // Never over an existing file: a slip of the arguments must not overwrite the live archive or an older backup.
        if (File.Exists(copy.Path))
        {
            await Console.Error.WriteLineAsync($"backup: {copy.Path} exists; choose a new file name.");
            return 1;
        }

        Console.WriteLine($"Backing up {source.Path} to {copy.Path}");
        Directory.CreateDirectory(Path.GetDirectoryName(copy.Path)!);
        long articles;
        try
        {
            using (var from = new SqliteConnection(source.ReadOnlyConnectionString))
            using (var to = copy.OpenWriterConnection())
            {
                from.Open();
                from.BackupDatabase(to);
                // One self-contained file (no WAL beside it) that opens read-only anywhere; the app turns WAL back on.
                Scalar(to, "PRAGMA journal_mode=DELETE");
                articles = (long)Scalar(to, "SELECT count(*) FROM Articles");
            }

            var problems = copy.CheckIntegrity();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"the copy failed its integrity check: {string.Join("; ", problems)}");
            }
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            File.Delete(copy.Path);
            await Console.Error.WriteLineAsync($"backup: failed, no backup written: {e.Message}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools(); // closes the copy, so no journal file is left beside it
        }

        Console.WriteLine($"Done: {articles:N0} articles, {new FileInfo(copy.Path).Length / (1024.0 * 1024):0.0} MB, integrity check ok.");
        return 0;
    }

    private static object Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }
}
