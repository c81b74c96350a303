using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsArchive.Core.Storage;

/// <summary>Per-connection settings SQLite does not keep in the file.</summary>
internal sealed class ConnectionPragmas : DbConnectionInterceptor
{
    public static readonly ConnectionPragmas Instance = new();

    /// <summary>How long a statement waits for the writer's lock before it reports "database is locked".</summary>
    public const int BusyTimeoutMs = 10_000;

    // busy_timeout: wait for the writer inside SQLite instead of failing with "database is locked".
    // synchronous=NORMAL: in WAL mode a killed process loses nothing committed; only power loss may drop the last commits.
    private static readonly string Pragmas = $"PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }
}
