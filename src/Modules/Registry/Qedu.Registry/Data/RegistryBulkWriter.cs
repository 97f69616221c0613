using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
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
    private readonly RegistryDb _db = db;
    private readonly ICurrentAccess _access = access;
    private readonly AuditTrail _audit = audit;
    private readonly TimeProvider _clock = clock;

    /// <summary>Inserts <paramref name="rows"/> (ids and revisions are assigned here) with one audit line, and returns them.</summary>
    public async Task<IReadOnlyList<T>> InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class, IRegistryRecord
    {
        if (rows.Count == 0)
        {
            return rows;
        }
        await using var session = await BeginAsync(ct);
        await session.InsertAsync(rows, ct);
        await session.CommitAsync(typeof(T).Name, $"count={rows.Count} (bulk)", ct);
        return rows;
    }

    /// <summary>
    /// Opens a bulk session: any number of batches of any record types, in one transaction (the caller's, when one is
    /// open), closed by one audit line at <see cref="BulkSession.CommitAsync"/>. Disposing without committing rolls back.
    /// </summary>
    public async Task<BulkSession> BeginAsync(CancellationToken ct = default)
    {
        var owned = _db.Database.CurrentTransaction is null ? await _db.Database.BeginTransactionAsync(ct) : null;
        return new BulkSession(this, owned);
    }

    /// <summary>One all-or-nothing bulk write; see <see cref="BeginAsync"/>.</summary>
    internal sealed class BulkSession(RegistryBulkWriter writer, IDbContextTransaction? owned) : IAsyncDisposable
    {
        private readonly HashSet<(string Permission, int OrgUnitId)> _allowed = [];
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
        private bool _done;

        /// <summary>Rows written so far, by record type.</summary>
        public IReadOnlyDictionary<string, long> Counts => _counts;

        /// <summary>Inserts one batch: checks scope, assigns ids and revisions from the counter, writes rows and feed lines.</summary>
        public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default)
            where T : class, IRegistryRecord
        {
            ObjectDisposedException.ThrowIf(_done, this);
            if (rows.Count == 0)
            {
                return;
            }
            var db = writer._db;
            var permission = typeof(T).GetCustomAttribute<ScopedWriteAttribute>()?.Permission ?? Permissions.RegistryWrite;
            var unchecked_ = rows.Select(r => r.OrgUnitId).Where(o => !_allowed.Contains((permission, o))).ToHashSet();
            await ScopeWriteGuard.EnsureWithinScopeAsync(db, writer._access.Current, permission, unchecked_, ct);
            foreach (var org in unchecked_)
            {
                _allowed.Add((permission, org));
            }

            var version = await ChangeVersions.ReserveAsync(db, rows.Count, ct) - rows.Count;
            var now = writer._clock.GetUtcNow();
            var changes = new List<Change>(rows.Count);
            var setId = IdSetter<T>.Set;
            foreach (var row in rows)
            {
                version++;
                setId(row, version);
                row.Revision = version;
                changes.Add(new Change { Version = version, EntityType = typeof(T).Name, EntityId = version, OrgUnitId = row.OrgUnitId, At = now });
            }
            foreach (var row in rows.OfType<IHasResidentId>())
            {
                // What RegistryDb does on SaveChanges, for rows that never pass through it.
                row.ResidentIdIndex = db.FieldEncryption.Index(row.ResidentId);
            }
            await writer.CopyAsync(rows, ct);
            await writer.CopyAsync(changes, ct);
            _counts[typeof(T).Name] = _counts.GetValueOrDefault(typeof(T).Name) + rows.Count;
        }

        /// <summary>Writes the one audit line for the whole session and commits (when the session owns the transaction).</summary>
        public async Task CommitAsync(string entityType, string details, CancellationToken ct = default)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            await writer._audit.RecordWithinAsync(writer._db, "create", entityType, details: details, ct: ct);
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }
            _done = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                if (!_done)
                {
                    await owned.RollbackAsync(CancellationToken.None);
                }
                await owned.DisposeAsync();
            }
            _done = true;
        }
    }

    private static class IdSetter<T>
        where T : class, IRegistryRecord
    {
        public static readonly Action<T, long> Set = Compile();

        private static Action<T, long> Compile()
        {
            var row = Expression.Parameter(typeof(T));
            var id = Expression.Parameter(typeof(long));
            return Expression.Lambda<Action<T, long>>(
                Expression.Assign(Expression.Property(row, nameof(IRegistryRecord.Id)), id), row, id).Compile();
        }
    }

    /// <summary>How one entity type is copied: table, columns and a compiled getter per column (reflection per value is slow at a million rows).</summary>
    private sealed record CopyPlan(string Table, string Columns, IReadOnlyList<IProperty> Properties, Func<object, object?>[] Getters);

    // Per model, not per type: a model holds the encryption converters of its keys (a test host each has its own).
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, CopyPlan>> Plans = new();

    private CopyPlan PlanFor(Type type) => Plans.GetOrCreateValue(_db.Model).GetOrAdd(type, _ =>
    {
        var entity = _db.Model.FindEntityType(type)!;
        var properties = entity.GetProperties().ToList();
        var sql = _db.GetService<ISqlGenerationHelper>();
        var getters = properties.Select(p =>
        {
            var converter = p.GetTypeMapping().Converter;
            var instance = Expression.Parameter(typeof(object));
            var value = Expression.Convert(Expression.Property(Expression.Convert(instance, type), p.PropertyInfo!), typeof(object));
            var get = Expression.Lambda<Func<object, object?>>(value, instance).Compile();
            return converter is null ? get : o => get(o) is { } v ? converter.ConvertToProvider(v) : null;
        }).ToArray();
        return new CopyPlan(
            sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()),
            string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName()))),
            properties,
            getters);
    });

    private async Task CopyAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var connection = _db.Database.GetDbConnection();
        var transaction = _db.Database.CurrentTransaction!.GetDbTransaction();
        var plan = PlanFor(typeof(T));
        var getters = plan.Getters;

        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {plan.Table} ({plan.Columns}) FROM STDIN (FORMAT BINARY)", ct);
            // Synchronous per value: the importer buffers, so a call only blocks when a full buffer goes to the socket,
            // and an async state machine per value costs more than the copy itself at millions of rows.
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                importer.StartRow();
                foreach (var get in getters)
                {
                    Write(importer, get(row));
                }
            }
            await importer.CompleteAsync(ct);
            return;
        }

        // SQLite: one prepared statement, rebound per row; the type mappings format values exactly as EF Core does.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {plan.Table} ({plan.Columns}) VALUES ({string.Join(", ", plan.Properties.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@p{i}")))})";
        var parameters = new DbParameter[plan.Properties.Count];
        for (var i = 0; i < plan.Properties.Count; i++)
        {
            var mapping = (RelationalTypeMapping)plan.Properties[i].GetRelationalTypeMapping();
            parameters[i] = mapping.CreateParameter(command, string.Create(CultureInfo.InvariantCulture, $"@p{i}"), null, nullable: true);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < getters.Length; i++)
            {
                parameters[i].Value = getters[i](row) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Writes with the value's static type, so Npgsql does not resolve a type handler per boxed value.</summary>
    private static void Write(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null: importer.WriteNull(); break;
            case long v: importer.Write(v); break;
            case int v: importer.Write(v); break;
            case string v: importer.Write(v); break;
            case bool v: importer.Write(v); break;
            case DateOnly v: importer.Write(v); break;
            case decimal v: importer.Write(v); break;
            case double v: importer.Write(v); break;
            case DateTimeOffset v: importer.Write(v); break;
            case byte[] v: importer.Write(v); break;
            default: importer.Write(value); break;
        }
    }
}
