using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Data;

/// <summary>
/// Inserts many new registry rows at once, past the change tracker: PostgreSQL binary COPY, or one prepared INSERT
/// reused per row on SQLite. It keeps every promise the tracked path keeps: the caller's write scope is checked first,
/// ids and change-feed versions come from the same counter under its lock, the feed lines and one audit summary line
/// are written in the same transaction, and nothing is written if anything fails.
/// </summary>
internal sealed class RegistryBulkWriter(RegistryDb db, ICurrentAccess access, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Inserts <paramref name="rows"/> (ids and revisions are assigned here) and returns them.</summary>
    public async Task<IReadOnlyList<T>> InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class, IRegistryRecord
    {
        if (rows.Count == 0)
        {
            return rows;
        }
        var permission = typeof(T).GetCustomAttribute<ScopedWriteAttribute>()?.Permission ?? Permissions.RegistryWrite;
        await ScopeWriteGuard.EnsureWithinScopeAsync(db, access.Current, permission, rows.Select(r => r.OrgUnitId).ToHashSet(), ct);

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var version = await ChangeVersions.ReserveAsync(db, rows.Count, ct) - rows.Count;
            var now = clock.GetUtcNow();
            var changes = new List<Change>(rows.Count);
            var idProperty = typeof(T).GetProperty(nameof(IRegistryRecord.Id))!;
            foreach (var row in rows)
            {
                version++;
                idProperty.SetValue(row, version);
                row.Revision = version;
                changes.Add(new Change { Version = version, EntityType = typeof(T).Name, EntityId = version, OrgUnitId = row.OrgUnitId, At = now });
            }
            await CopyAsync(rows, ct);
            await CopyAsync(changes, ct);
            await audit.RecordWithinAsync(db, "create", typeof(T).Name, details: $"count={rows.Count} (bulk)", ct: ct);
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }
            return rows;
        }
        catch
        {
            if (owned is not null)
            {
                await owned.RollbackAsync(CancellationToken.None);
            }
            throw;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private async Task CopyAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var properties = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();

        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var property in properties)
                {
                    var value = ToProvider(property, property.PropertyInfo!.GetValue(row));
                    if (value is null)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(value, ct);
                    }
                }
            }
            await importer.CompleteAsync(ct);
            return;
        }

        // SQLite: one prepared statement, rebound per row; the type mappings format values exactly as EF Core does.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToList();
        var parameters = new DbParameter[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            parameters[i] = mappings[i].CreateParameter(command, $"@p{i}", null, nullable: true);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var value = ToProvider(properties[i], properties[i].PropertyInfo!.GetValue(row));
                parameters[i].Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static object? ToProvider(IProperty property, object? value)
    {
        var converter = property.GetTypeMapping().Converter;
        return converter is null || value is null ? value : converter.ConvertToProvider(value);
    }
}
