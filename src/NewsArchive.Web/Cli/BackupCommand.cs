using Microsoft.Data.Sqlite;
using NewsArchive.Core.Storage;
using NewsArchive.Web.Hosting;

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
        if (!TryParse(args[1..], out var target, out var db, out var settings))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(settings);
        var source = new ArchiveDatabase(db is null ? ArchiveOptions.From(builder.Configuration, builder.Environment.ContentRootPath).DatabasePath : Path.GetFullPath(db));
        var copy = new ArchiveDatabase(target);
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

    private static bool TryParse(string[] args, out string target, out string? db, out string[] settings)
    {
        target = "";
        db = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Length:
                    db = args[++i];
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('='):
                    rest.Add(setting); // configuration, e.g. --Archive:DatabasePath=/data/archive.db
                    break;
                case var path when target.Length == 0 && !path.StartsWith("--", StringComparison.Ordinal):
                    target = path;
                    break;
                default:
                    settings = [];
                    return false;
            }
        }

        settings = [.. rest];
        return target.Length > 0;
    }
}
