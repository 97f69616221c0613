using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
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
    public static async Task RunAsync<T>(ExamsDb db, IReadOnlyList<string> properties, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var columns = string.Join(", ", properties.Select(p => $"\"{entity.FindProperty(p)!.GetColumnName(store)}\""));
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var value in row)
                {
                    await WriteAsync(importer, value, ct);
                }
            }
            await importer.CompleteAsync(ct);
            return;
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
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken ct) => value switch
    {
        null => importer.WriteNullAsync(ct),
        string s => importer.WriteAsync(s, NpgsqlDbType.Varchar, ct),
        short s => importer.WriteAsync(s, NpgsqlDbType.Smallint, ct),
        int i => importer.WriteAsync(i, NpgsqlDbType.Integer, ct),
        long l => importer.WriteAsync(l, NpgsqlDbType.Bigint, ct),
        double d => importer.WriteAsync(d, NpgsqlDbType.Double, ct),
        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        DateTimeOffset t => importer.WriteAsync(t, NpgsqlDbType.TimestampTz, ct),
        _ => throw new ArgumentException($"No COPY type for {value.GetType().Name}.", nameof(value)),
    };
}
