using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Qedu.Kernel.Access;
using Qedu.Kernel.Oidc;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Audit;

/// <summary>
/// Writes the audit log. Every module DbContext carries this interceptor, so every write through EF Core is logged in the
/// same transaction as the write itself; explicit records (a read of a person's data, a sign-in) go through
/// <see cref="AuditTrail"/>. Appending locks one chain's head row until the transaction ends, which serialises that
/// chain's appenders across processes; so inside a caller's transaction the lines wait until it commits and are appended
/// as it does (<see cref="TransactionCommittingAsync"/>), and the head is held only for the append and the commit itself.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, AuditKeys keys, IHttpContextAccessor? http = null)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Lines of a caller's open transaction, appended when it commits and dropped when it rolls back.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, List<AuditEntry>> Deferred = new();

    /// <summary>Above this many changed rows in one save, one summary line per entity type and change replaces the detail.</summary>
    private const int DetailLimit = 500;

    /// <summary>Saves in progress, per context: one interceptor serves every context of the process.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DbContext, Pending> _saving = new();

    private sealed record Change(EntityEntry Entry, EntityState State, string? DeletedKey, int? DeletedOrg, string? ModifiedProperties);

    private sealed record Pending(List<Change> Changes, IDbContextTransaction? OwnedTransaction);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        db.ChangeTracker.DetectChanges();
        var changes = new List<Change>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry.Metadata.ClrType))
            {
                continue;
            }
            changes.Add(new Change(
                entry,
                entry.State,
                entry.State == EntityState.Deleted ? KeyOf(entry) : null,
                entry.State == EntityState.Deleted ? OrgOf(entry) : null,
                entry.State == EntityState.Modified ? ModifiedProperties(entry) : null));
        }
        if (changes.Count > 0)
        {
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            _saving[db] = new Pending(changes, owned);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        if (!_saving.TryRemove(db, out var pending))
        {
            return result;
        }
        if (pending.OwnedTransaction is null)
        {
            Defer(db, Describe(CallerOf(db), pending.Changes));
            return result;
        }
        try
        {
            await AppendAsync(db, Describe(CallerOf(db), pending.Changes), cancellationToken);
            await pending.OwnedTransaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await pending.OwnedTransaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            await pending.OwnedTransaction.DisposeAsync();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context!);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context!);

    private async Task AbandonAsync(DbContext db)
    {
        if (_saving.TryRemove(db, out var pending) && pending.OwnedTransaction is not null)
        {
            await pending.OwnedTransaction.RollbackAsync(CancellationToken.None);
            await pending.OwnedTransaction.DisposeAsync();
        }
    }

    /// <summary>Keeps lines for the context's open transaction, to be appended as it commits.</summary>
    internal static void Defer(DbContext db, IReadOnlyList<AuditEntry> entries)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit lines are deferred only inside a transaction.");
        Deferred.GetOrCreateValue(transaction).AddRange(entries);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        TransactionCommittingAsync(transaction, eventData, result).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Appends the transaction's deferred lines just before it commits, through the context committing it (whichever
    /// module's: every context carries this interceptor). If the append fails, so does the commit.
    /// </summary>
    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Deferred.TryGetValue(transaction, out var lines))
        {
            Deferred.Remove(transaction);
            await AppendAsync(eventData.Context ?? throw new InvalidOperationException("A transaction with audit lines is committing without a DbContext to append them through."),
                lines, cancellationToken);
        }
        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Deferred.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Deferred.Remove(transaction);
        return Task.CompletedTask;
    }

    /// <summary>Who a row is written for when another context writes it (<see cref="OnBehalfOf"/>).</summary>
    private sealed record Principal(AccessContext Caller, string? ClientAddress);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Principal> OnBehalf = new();

    /// <summary>
    /// Says whom a row is written for when a context of the system writes it for them (a batch of parents' submissions
    /// written together): its audit line names that caller and their address rather than the system.
    /// </summary>
    public static void OnBehalfOf(object entity, AccessContext caller, string? clientAddress) =>
        OnBehalf.AddOrUpdate(entity, new Principal(caller, clientAddress));

    /// <summary>A new audit line from the given caller, before it is chained.</summary>
    internal AuditEntry NewEntry(AccessContext caller, string action, string? entityType, string? entityKey, int? orgUnitId, string? details,
        AuditOutcome outcome = AuditOutcome.Succeeded, string? clientAddress = null)
    {
        return new AuditEntry
        {
            At = AuditHasher.Truncate(clock.GetUtcNow()),
            ActorKind = caller.Kind,
            ActorId = caller.ActorId,
            ActorName = Clip(caller.ActorName, 128),
            ActorScope = Clip(caller.ScopeDescription, 512),
            Action = action,
            EntityType = entityType,
            EntityKey = Clip(entityKey, 256),
            OrgUnitId = orgUnitId,
            ClientAddress = clientAddress ?? http?.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Details = details,
            Outcome = outcome,
            PreviousHash = "",
            Hash = "",
        };
    }

    /// <summary>Who saves through a module context: the context's own caller (it is made in the request's scope).</summary>
    private static AccessContext CallerOf(DbContext db) =>
        (db as IScopedDbContext ?? throw new InvalidOperationException($"{db.GetType().Name} does not say who calls (IScopedDbContext).")).Access;

    private List<AuditEntry> Describe(AccessContext caller, List<Change> changes)
    {
        // Rows written on someone's behalf keep their lines, each naming its caller.
        if (changes.Count > DetailLimit && !changes.Any(c => OnBehalf.TryGetValue(c.Entry.Entity, out _)))
        {
            return changes
                .GroupBy(c => (c.Entry.Metadata.ClrType.Name, c.State))
                .Select(g => NewEntry(caller, Verb(g.Key.State), g.Key.Name, null, null, $"count={g.Count()}"))
                .ToList();
        }
        return changes.Select(c =>
            {
                var behalf = OnBehalf.TryGetValue(c.Entry.Entity, out var p) ? p : null;
                return NewEntry(
                    behalf?.Caller ?? caller,
                    Verb(c.State),
                    c.Entry.Metadata.ClrType.Name,
                    c.State == EntityState.Deleted ? c.DeletedKey : KeyOf(c.Entry),
                    c.State == EntityState.Deleted ? c.DeletedOrg : OrgOf(c.Entry),
                    c.ModifiedProperties,
                    clientAddress: behalf?.ClientAddress);
            })
            .ToList();
    }

    /// <summary>The chain each open transaction appends to: a transaction keeps its chain, so it never waits for a second head while holding one.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, System.Runtime.CompilerServices.StrongBox<int>> Held = new();

    /// <summary>
    /// Chains (HMAC with the audit-chain key) and inserts entries inside the context's current transaction, on one of the
    /// <see cref="AuditChains.Count"/> chains: on PostgreSQL the first chain whose head no other transaction holds (SKIP
    /// LOCKED, in random order), waiting only when every head is held; on SQLite, which has one writer at a time, one at
    /// random. The head row's update returns the key fingerprint with the head (and, on PostgreSQL, the lines' numbers),
    /// so the append costs two round trips and an insert; a chain's first keyed append records where keying began.
    /// </summary>
    internal async Task AppendAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The audit log is appended inside a transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var postgres = db.Database.IsNpgsql();
        var head = Table<AuditChainHead>(db, sql);
        var log = Table<AuditEntry>(db, sql);
        string Col<T>(string property) => sql.DelimitIdentifier(
            db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetColumnName());
        string id = Col<AuditChainHead>("Id"), lastPosition = Col<AuditChainHead>("LastPosition");
        var held = Held.TryGetValue(transaction, out var box) ? box.Value : (int?)null;
        var numbers = postgres
            ? $", (SELECT array_agg(nextval('{ModuleModel.KernelModule}.{ModuleModel.AuditSequence}')) FROM generate_series(1, {entries.Count}))"
            : "";
        var returning = $"RETURNING {id}, {lastPosition}, {Col<AuditChainHead>("LastHash")}, {Col<AuditChainHead>("KeyFingerprint")}{numbers}";
        string Lock(string which) => $"UPDATE {head} SET {lastPosition} = {lastPosition} + {entries.Count} WHERE {id} = {which} {returning}";

        var locked = held is { } mine
            ? await LockHeadAsync(connection, transaction, Lock(N(mine)), ct)
            : postgres
                ? await LockHeadAsync(connection, transaction, Lock($"(SELECT {id} FROM {head} ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED)"), ct)
                : null;
        // Every head held by another transaction (or SQLite): wait for one at random.
        locked ??= await LockHeadAsync(connection, transaction, Lock(N(Random.Shared.Next(1, AuditChains.Count + 1))), ct)
            ?? throw new InvalidOperationException("The audit chain head rows are missing.");
        var (chain, last, previous, fingerprint, sequences) = locked.Value;
        if (held is null)
        {
            Held.AddOrUpdate(transaction, new System.Runtime.CompilerServices.StrongBox<int>(chain));
        }
        if (fingerprint is not null && fingerprint != keys.Fingerprint)
        {
            throw new InvalidOperationException(
                $"The audit chain is keyed with key {fingerprint} but the audit-chain key file has {keys.Fingerprint}; restore the key directory from the backup.");
        }
        if (fingerprint is null)
        {
            // A chain's first keyed line: the other chains say which key the log is keyed with, so a host with another
            // key file cannot start keying the chains no one has used yet.
            await using var others = connection.CreateCommand();
            others.Transaction = transaction;
            others.CommandText = $"SELECT {Col<AuditChainHead>("KeyFingerprint")} FROM {head} WHERE {Col<AuditChainHead>("KeyFingerprint")} IS NOT NULL " +
                                 $"AND {Col<AuditChainHead>("KeyFingerprint")} <> @f";
            AddParameter(others, "@f", keys.Fingerprint);
            if (await others.ExecuteScalarAsync(ct) is string other)
            {
                throw new InvalidOperationException(
                    $"The audit chain is keyed with key {other} but the audit-chain key file has {keys.Fingerprint}; restore the key directory from the backup.");
            }
        }
        last -= entries.Count;
        var keyedFrom = last + 1;
        if (sequences is null)
        {
            // SQLite: the head's update took the database's write lock, so the highest line stays the highest until commit.
            await using var highest = connection.CreateCommand();
            highest.Transaction = transaction;
            highest.CommandText = $"SELECT COALESCE(MAX({Col<AuditEntry>("Sequence")}), 0) FROM {log}";
            var top = Convert.ToInt64(await highest.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            sequences = [.. Enumerable.Range(1, entries.Count).Select(i => top + i)];
        }
        Array.Sort(sequences);

        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            e.Sequence = sequences[i];
            e.Chain = chain;
            e.Position = ++last;
            e.PreviousHash = previous;
            e.Hash = AuditHasher.Keyed(e, keys.ChainKey);
            previous = e.Hash;
        }

        var properties = db.Model.FindEntityType(typeof(AuditEntry))!.GetProperties().ToList();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        // The head's new end goes in the same command as the last insert (one round trip fewer while the head is held).
        var moveHead = fingerprint is null
            ? $"UPDATE {head} SET {Col<AuditChainHead>("LastHash")} = @h, {Col<AuditChainHead>("KeyedFrom")} = @k, " +
              $"{Col<AuditChainHead>("KeyFingerprint")} = @f WHERE {id} = {N(chain)}"
            : $"UPDATE {head} SET {Col<AuditChainHead>("LastHash")} = @h WHERE {id} = {N(chain)}";
        // Insert in chunks to stay under parameter limits (SQLite: 32766, PostgreSQL: 65535).
        var chunks = entries.Chunk(200).ToList();
        for (var c = 0; c < chunks.Count; c++)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            var rows = new List<string>(chunks[c].Length);
            var n = 0;
            foreach (var e in chunks[c])
            {
                var names = new List<string>(properties.Count);
                foreach (var p in properties)
                {
                    var name = $"@p{n++}";
                    names.Add(name);
                    AddParameter(insert, name, ToProvider(p, p.PropertyInfo!.GetValue(e)));
                }
                rows.Add($"({string.Join(", ", names)})");
            }
            insert.CommandText = $"INSERT INTO {log} ({columns}) VALUES {string.Join(", ", rows)}";
            if (c == chunks.Count - 1)
            {
                insert.CommandText += ";\n" + moveHead;
                AddParameter(insert, "@h", previous);
                if (fingerprint is null)
                {
                    AddParameter(insert, "@k", keyedFrom);
                    AddParameter(insert, "@f", keys.Fingerprint);
                }
            }
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs the head's update; null when it matched no row (every head held, for the SKIP LOCKED form).</summary>
    private static async Task<(int Chain, long LastPosition, string LastHash, string? Fingerprint, long[]? Sequences)?> LockHeadAsync(
        DbConnection connection, DbTransaction transaction, string command, CancellationToken ct)
    {
        await using var lockHead = connection.CreateCommand();
        lockHead.Transaction = transaction;
        lockHead.CommandText = command;
        await using var reader = await lockHead.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        return (reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2),
            await reader.IsDBNullAsync(3, ct) ? null : reader.GetString(3),
            reader.FieldCount > 4 ? reader.GetFieldValue<long[]>(4) : null);
    }

    private static object? ToProvider(Microsoft.EntityFrameworkCore.Metadata.IProperty property, object? value)
    {
        var converter = property.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private static string Table<T>(DbContext db, ISqlGenerationHelper sql)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    private static string Verb(EntityState state) => state switch
    {
        EntityState.Added => "create",
        EntityState.Modified => "update",
        EntityState.Deleted => "delete",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string? KeyOf(EntityEntry entry)
    {
        if (entry.Entity is OrgUnit unit)
        {
            return unit.Code;
        }
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? null
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static int? OrgOf(EntityEntry entry) => entry.Entity switch
    {
        OrgUnit unit => unit.Id > 0 ? unit.Id : null,
        IOrgScoped scoped => scoped.OrgUnitId,
        _ => null,
    };

    /// <summary>
    /// The changed properties of an update: by name ("Name,Revision"), or, once one of them records its values
    /// (<see cref="AuditedValueAttribute"/>, and the account flags Identity owns), as "Name: old → new; Revision".
    /// </summary>
    private static string ModifiedProperties(EntityEntry entry)
    {
        var parts = new List<string>();
        var withValues = false;
        foreach (var p in entry.Properties.Where(p => p.IsModified))
        {
            if (RecordsValue(entry.Metadata.ClrType, p.Metadata.PropertyInfo))
            {
                withValues = true;
                parts.Add($"{p.Metadata.Name}: {Show(p.OriginalValue)} → {Show(p.CurrentValue)}");
            }
            else
            {
                parts.Add(p.Metadata.Name);
            }
        }
        return string.Join(withValues ? "; " : ",", parts);
    }

    /// <summary>Account flags on Identity's own user class: none is personal data or a secret.</summary>
    private static readonly HashSet<string> IdentityValues = ["UserName", "LockoutEnd", "LockoutEnabled", "TwoFactorEnabled", "AccessFailedCount", "EmailConfirmed"];

    private static bool RecordsValue(Type type, System.Reflection.PropertyInfo? property) =>
        property is not null
        && (property.GetCustomAttributes(typeof(AuditedValueAttribute), inherit: true).Length > 0
            || (typeof(IdentityUser<Guid>).IsAssignableFrom(type) && property.DeclaringType == typeof(IdentityUser<Guid>) && IdentityValues.Contains(property.Name)));

    /// <summary>A value as the log shows it: short, on one line, without the separators of the list.</summary>
    private static string Show(object? value)
    {
        var text = value switch
        {
            null => "∅",
            DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        text = text.ReplaceLineEndings(" ").Replace(";", "；", StringComparison.Ordinal).Replace("→", "->", StringComparison.Ordinal);
        return text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 100), "…");
    }

    private static bool IsAudited(Type type) =>
        type != typeof(AuditEntry)
        && type != typeof(AuditChainHead)
        && type != typeof(DataProtectionKey)
        && type != typeof(OidcKey)
        // File content: the module that holds a file's hash audits what the file is for.
        && type != typeof(Files.StoredFileRow)
        && type != typeof(Files.StoredFileChunk)
        && type != typeof(OrgClosure)
        && type != typeof(IdentityUserToken<Guid>)
        // Sign-in bookkeeping: sign-ins, failures and ended sessions have audit lines of their own (auth.*).
        && type != typeof(Identity.UserSession)
        && type != typeof(Identity.SignInThrottle)
        && type != typeof(Identity.PasswordHistoryEntry)
        // One-time codes: each code sent and each failed check has its own line (otp.*), without the code.
        && type != typeof(Identity.OneTimeCode)
        && type != typeof(Identity.OneTimeCodePhone)
        // A key's record commits with the write it answers, whose own line says what was done.
        && type != typeof(Idempotency.IdempotencyRecord)
        && !(type.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) ?? false);

    private static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
