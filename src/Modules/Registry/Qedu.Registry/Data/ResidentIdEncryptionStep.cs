using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Persistence;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Data;

/// <summary>
/// Upgrades a database written before resident IDs were encrypted (ADR 11): between the migration that adds the
/// encrypted and index columns and the one that drops the clear column, each clear ID is encrypted with the key kept
/// outside the database, indexed and cleared, in one transaction with one audit line per table. Run again (after a
/// crash) it finds nothing left in clear, or only what it had not reached.
/// </summary>
internal static class ResidentIdEncryptionStep
{
    public static MigrationDataStep Step { get; } = new(RegistryDb.Module, "EncryptResidentIds", RunAsync);

    private const int Batch = 5000;

    private static async Task RunAsync(IServiceProvider services, DbContext context, CancellationToken ct)
    {
        var db = (RegistryDb)context;
        var encryption = db.FieldEncryption;
        var audit = services.GetRequiredService<AuditTrail>();
        var sql = db.GetService<ISqlGenerationHelper>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        foreach (var type in new[] { typeof(Student), typeof(Guardian), typeof(Staff) })
        {
            var entity = db.Model.FindEntityType(type)!;
            var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
            long count = 0;
            while (true)
            {
                var rows = new List<(long Id, string Value)>(Batch);
                await using (var select = connection.CreateCommand())
                {
                    select.Transaction = transaction.GetDbTransaction();
                    select.CommandText = $"SELECT id, resident_id FROM {table} WHERE resident_id IS NOT NULL ORDER BY id LIMIT {Batch}";
                    await using var reader = await select.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        rows.Add((reader.GetInt64(0), reader.GetString(1)));
                    }
                }
                if (rows.Count == 0)
                {
                    break;
                }
                await using var update = connection.CreateCommand();
                update.Transaction = transaction.GetDbTransaction();
                update.CommandText = $"UPDATE {table} SET resident_id_encrypted = @e, resident_id_index = @i, resident_id = NULL WHERE id = @id";
                var encrypted = Parameter(update, "@e");
                var index = Parameter(update, "@i");
                var id = Parameter(update, "@id");
                foreach (var row in rows)
                {
                    // Blank values were never valid IDs; they are cleared rather than encrypted.
                    encrypted.Value = string.IsNullOrWhiteSpace(row.Value) ? DBNull.Value : encryption.Encrypt(row.Value.Trim().ToUpperInvariant());
                    index.Value = (object?)encryption.Index(row.Value) ?? DBNull.Value;
                    id.Value = row.Id;
                    await update.ExecuteNonQueryAsync(ct);
                }
                count += rows.Count;
            }
            if (count > 0)
            {
                await audit.RecordWithinAsync(db, "encrypt", type.Name, details: $"resident_id count={count} (upgrade)", ct: ct);
            }
        }
        await transaction.CommitAsync(ct);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
