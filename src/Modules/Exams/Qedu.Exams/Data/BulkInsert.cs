using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Qedu.Exams.Data;

/// <summary>
/// Rows in bulk into one of the module's tables, inside the context's open transaction: binary COPY on PostgreSQL, one
/// prepared INSERT run row after row on SQLite. Table and column names come from the EF model, so they follow it. The
/// rows skip EF Core (and so the scope guard): callers check the caller's right to the exam first.
/// </summary>
internal static class BulkInsert
{
    /// <returns>The number of rows written.</returns>
    public static async Task<int> RunAsync<T>(ExamsDb db, IReadOnlyList<string> properties, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var names = TableNames.Of<T>(db);
        var (table, columns) = (names.Table, names.Columns(properties));
        var connection = db.Database.GetDbConnection();
        var count = 0;
        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            // The values go into the importer's buffer, which only blocks when it sends a full one: an awaited call per value
            // (eight million for a city's exam) cost more than the copy itself.
            foreach (var row in rows)
            {
                count++;
                importer.StartRow();
                foreach (var value in row)
                {
                    Write(importer, value);
                }
            }
            await importer.CompleteAsync(ct);
            return count;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        var parameters = new DbParameter[properties.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            count++;
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
        return count;
    }

    private static void Write(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                break;
            case string s:
                importer.Write(s, NpgsqlDbType.Varchar);
                break;
            case short s:
                importer.Write(s, NpgsqlDbType.Smallint);
                break;
            case int i:
                importer.Write(i, NpgsqlDbType.Integer);
                break;
            case long l:
                importer.Write(l, NpgsqlDbType.Bigint);
                break;
            case double d:
                importer.Write(d, NpgsqlDbType.Double);
                break;
            case bool b:
                importer.Write(b, NpgsqlDbType.Boolean);
                break;
            default:
                throw new ArgumentException($"No COPY type for {value.GetType().Name}.", nameof(value));
        }
    }
}
