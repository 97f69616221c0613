using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qedu.Exams.Data;

/// <summary>
/// Reads many rows of one of the module's tables with a plain data reader (names from the EF model), for the bulk reads
/// EF Core's materializer makes slow: an exam's million scores. Like <see cref="BulkInsert"/>, it skips the scope filter:
/// callers read an exam they have checked the caller may see as a whole.
/// </summary>
internal static class BulkRead
{
    /// <param name="orderBy">Properties to order the rows by: an index's own order costs the server no sort, and with the
    /// key's columns it makes the server walk that index instead of the whole table.</param>
    public static async Task RunAsync<T>(ExamsDb db, IReadOnlyList<string> properties, string keyProperty, int key, IReadOnlyList<string> orderBy,
        Action<DbDataReader> row, CancellationToken ct)
    {
        var names = TableNames.Of<T>(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {names.Columns(properties)} FROM {names.Table} WHERE {names.Column(keyProperty)} = @key"
                + (orderBy.Count > 0 ? $" ORDER BY {names.Columns(orderBy)}" : "");
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@key";
            parameter.Value = key;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
