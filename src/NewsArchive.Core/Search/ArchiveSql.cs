using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>Raw SQL over a context's connection, for what LINQ cannot say: FTS5's MATCH, its functions, its vocabulary.</summary>
internal static class ArchiveSql
{
    /// <summary>The summaries of articles found by raw SQL, in the order found; ids without an article are left out.</summary>
    public static async Task<List<ArticleSummary>> SummariesAsync(this ArchiveDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var found = await db.Articles.Where(a => ids.Contains(a.Id)).Select(ArticleSummary.Projection).ToDictionaryAsync(a => a.Id, cancellationToken);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>
    /// A command with its parameters on the context's connection, opened through EF, so the pooled context closes it
    /// when it is returned. For reading a large result row by row; <see cref="QueryAsync"/> collects a small one.
    /// </summary>
    public static async Task<DbCommand> CommandAsync(this ArchiveDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<List<T>> QueryAsync<T>(
        this ArchiveDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = await db.CommandAsync(sql, cancellationToken, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
