using Microsoft.Data.Sqlite;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>
/// Tells caches in the web process when the archive changed. SQLite's data_version moves whenever another
/// connection commits, and every write comes from another connection (the ingestion's), so it is exact and costs
/// a microsecond: no polling of tables, no schema support.
/// </summary>
public sealed class ArchiveChanges(ArchiveDatabase database) : IDisposable
{
    private readonly Lock gate = new();
    private SqliteConnection? connection;

    /// <summary>A number that differs from the last one read whenever the archive has changed since.</summary>
    public long Version()
    {
        lock (gate)
        {
            if (connection is null)
            {
                connection = new SqliteConnection(database.ReadOnlyConnectionString);
                connection.Open();
            }

            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA data_version;";
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            connection?.Dispose();
            connection = null;
        }
    }
}
