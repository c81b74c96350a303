using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Core.Storage;

namespace NewsArchive.Core.Search;

/// <summary>Raw SQL over a context's connection, for what LINQ cannot say: FTS5's MATCH, its functions, its vocabulary.</summary>
internal static class ArchiveSql
{
    /// <summary>The summaries of articles found by raw SQL, in the order found.</summary>
    public static async Task<List<ArticleSummary>> SummariesAsync(this ArchiveDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        var summaries = await db.Articles.Where(a => ids.Contains(a.Id)).Select(ArticleSummary.Projection).ToListAsync(cancellationToken);
        return [.. summaries.OrderBy(s => ids.IndexOf(s.Id))];
    }

    public static async Task<List<T>> QueryAsync<T>(
        this ArchiveDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
