using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Writes;

/// <summary>
/// One record kind as the write API serves it (<see cref="RecordWriteApi"/> holds the HTTP side, the same for every
/// kind): how a body becomes a checked input, the natural key bulk items are matched by, and the create, update and
/// delete themselves. <typeparamref name="TInput"/> is what a checked body carries (the entity's values, or more).
/// </summary>
internal abstract class RecordWrites<TInput, TEntity>(RegistryDb db, RecordBodyReader bodies)
    where TInput : class
    where TEntity : class, IRegistryRecord
{
    protected RegistryDb Db => db;
    protected RecordBodyReader Bodies => bodies;

    /// <summary>The kind's name in URLs: <c>/api/registry/{Name}</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The exchange names a body may use for the fields' keys, from the kind's descriptor (so a GET body can be PUT back).</summary>
    protected IReadOnlyDictionary<string, string>? BodyAliases => RegistryKinds.Find(Name)?.BodyAliases is { Count: > 0 } aliases ? aliases : null;

    /// <summary>The exchange shape's references by id a body may carry (<c>classId</c>), from the kind's descriptor.</summary>
    protected IReadOnlySet<string>? BodyReferences => RegistryKinds.Find(Name)?.BodyReferences is { Count: > 0 } references ? references : null;

    /// <summary>The record kind whose definition reads the bodies.</summary>
    protected abstract RecordKind Kind { get; }

    /// <summary>The body field that tells records apart (within their school when <see cref="KeyPerSchool"/>).</summary>
    public abstract RecordField KeyField { get; }

    /// <summary>The entity property that holds <see cref="KeyField"/>.</summary>
    protected abstract string KeyProperty { get; }

    /// <summary>True when the key is unique per school (class code), false when in the whole city (学籍号).</summary>
    protected abstract bool KeyPerSchool { get; }

    /// <summary>
    /// Checks one body. <paramref name="self"/> is the record being updated (its own numbers are no duplicates). Null
    /// with the problems in <paramref name="errors"/>.
    /// </summary>
    public abstract Task<TInput?> ReadAsync(JsonElement body, long? self, InputErrors errors, CancellationToken ct = default);

    /// <summary>The input's natural key (school id, or 0 for city-wide keys; value), for duplicates within one request.</summary>
    public abstract (int School, string Value) KeyOf(TInput input);

    public abstract Task<TEntity> CreateAsync(TInput input, CancellationToken ct = default);

    /// <summary>Replaces the record's values if its revision is still <paramref name="revision"/>.</summary>
    public abstract Task<Outcome<TEntity>> UpdateAsync(long id, long revision, TInput input, CancellationToken ct = default);

    public abstract Task<Outcome<TEntity>> DeleteAsync(long id, long revision, CancellationToken ct = default);

    /// <summary>The record as the kind's GET shows it to this caller.</summary>
    public abstract Task<object?> ShowAsync(long id, CancellationToken ct = default);

    /// <summary>Whether the record exists within the caller's scope (others read as absent).</summary>
    public Task<bool> ExistsAsync(long id, CancellationToken ct = default) =>
        db.Set<TEntity>().AnyAsync(e => EF.Property<long>(e, nameof(IRegistryRecord.Id)) == id, ct);

    /// <summary>The record's revision as stored now (0 when it is gone), for the ETag of a 412 after a lost race.</summary>
    public async Task<long> CurrentRevisionAsync(long id, CancellationToken ct = default) =>
        await db.Set<TEntity>().AsNoTracking().Where(e => EF.Property<long>(e, nameof(IRegistryRecord.Id)) == id)
            .Select(e => EF.Property<long>(e, nameof(IRegistryRecord.Revision))).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The stored record each bulk item means, with its revision: by <c>id</c> when the item gives one, else by its
    /// natural key, within the caller's scope. One query for the whole request.
    /// </summary>
    public async Task<List<(long? Id, long Revision)>> MatchAllAsync(IReadOnlyList<JsonElement> items, CancellationToken ct = default)
    {
        var schoolField = RecordDefinitions.For(Kind).School.Key;
        var keys = new List<(long? Id, int School, string? Value)>(items.Count);
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idValue))
            {
                keys.Add((idValue.TryGetInt64(out var id) ? id : null, 0, null));
                continue;
            }
            var school = 0;
            if (KeyPerSchool)
            {
                var code = RecordBodyReader.Value(item, schoolField);
                school = code is null ? -1 : (await bodies.SchoolAsync(code, ct)).School?.Id ?? -1;
            }
            keys.Add((null, school, school < 0 ? null : RecordBodyReader.Value(item, KeyField.Key)));
        }
        var ids = keys.Select(k => k.Id).OfType<long>().ToList();
        var values = keys.Select(k => k.Value).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var schools = keys.Where(k => k.Value is not null).Select(k => k.School).Distinct().ToList();
        var stored = new List<TEntity>();
        if (ids.Count + values.Count > 0)
        {
            var query = db.Set<TEntity>().AsNoTracking();
            // A per-school key ("01") repeats from school to school: narrow to the schools the items name.
            stored = KeyPerSchool
                ? await query.Where(e => ids.Contains(EF.Property<long>(e, nameof(IRegistryRecord.Id)))
                    || (schools.Contains(EF.Property<int>(e, nameof(IRegistryRecord.OrgUnitId))) && values.Contains(EF.Property<string>(e, KeyProperty))))
                    .ToListAsync(ct)
                : await query.Where(e => ids.Contains(EF.Property<long>(e, nameof(IRegistryRecord.Id))) || values.Contains(EF.Property<string>(e, KeyProperty)))
                    .ToListAsync(ct);
        }
        var key = db.Model.FindEntityType(typeof(TEntity))!.FindProperty(KeyProperty)!.PropertyInfo!;
        var byId = stored.ToDictionary(e => e.Id);
        var byKey = new Dictionary<(int, string), TEntity>();
        foreach (var e in stored)
        {
            byKey.TryAdd((KeyPerSchool ? e.OrgUnitId : 0, (string)key.GetValue(e)!), e);
        }
        return keys.ConvertAll(k =>
            k.Id is { } id ? (byId.TryGetValue(id, out var a) ? (a.Id, a.Revision) : ((long?)null, 0L))
            : k.Value is { } value && byKey.TryGetValue((k.School, value), out var b) ? (b.Id, b.Revision)
            : ((long?)null, 0L));
    }
}

/// <summary>
/// A kind whose input is simply the entity's values (classes, staff, assets): created as given, updated by copying the
/// values the definition carries onto the stored row, deleted unless a rule says why not. Answers in the exchange
/// shape the kind's GET and the change feed use.
/// </summary>
internal abstract class SimpleRecordWrites<TEntity>(RegistryDb db, RecordBodyReader bodies, ExchangeData shaper)
    : RecordWrites<TEntity, TEntity>(db, bodies)
    where TEntity : class, IRegistryRecord
{
    /// <summary>Copies the values a body carries onto the stored row (what the definition does not carry stays).</summary>
    protected abstract void Copy(TEntity from, TEntity to);

    /// <summary>Why the stored record may not be deleted (the message of a 409), or null.</summary>
    protected virtual Task<string?> RefuseDeleteAsync(TEntity stored, CancellationToken ct) => Task.FromResult<string?>(null);

    public override async Task<TEntity> CreateAsync(TEntity input, CancellationToken ct = default)
    {
        Db.Set<TEntity>().Add(input);
        await Db.SaveChangesAsync(ct); // the id and revision come from the change-feed counter on save
        return input;
    }

    public override async Task<Outcome<TEntity>> UpdateAsync(long id, long revision, TEntity input, CancellationToken ct = default)
    {
        var stored = await FindAsync(id, ct);
        if (stored is null)
        {
            return Outcome<TEntity>.NotFound(RecordWriteApi.Missing(id));
        }
        if (stored.Revision != revision)
        {
            return Outcome<TEntity>.Stale(stored.Revision);
        }
        Copy(input, stored);
        // Revision is the concurrency token: a write that lands between this read and the save fails the save.
        await Db.SaveChangesAsync(ct);
        return Outcome<TEntity>.Ok(stored);
    }

    public override async Task<Outcome<TEntity>> DeleteAsync(long id, long revision, CancellationToken ct = default)
    {
        var stored = await FindAsync(id, ct);
        if (stored is null)
        {
            return Outcome<TEntity>.NotFound(RecordWriteApi.Missing(id));
        }
        if (stored.Revision != revision)
        {
            return Outcome<TEntity>.Stale(stored.Revision);
        }
        if (await RefuseDeleteAsync(stored, ct) is { } refusal)
        {
            return Outcome<TEntity>.Conflict(refusal);
        }
        Db.Set<TEntity>().Remove(stored);
        await Db.SaveChangesAsync(ct); // leaves a tombstone in the change feed
        return Outcome<TEntity>.Ok(stored);
    }

    public override async Task<object?> ShowAsync(long id, CancellationToken ct = default) =>
        (await shaper.OneAsync(Db, ExchangeKinds.Find(typeof(TEntity).Name)!, id, ct))?.Data;

    private Task<TEntity?> FindAsync(long id, CancellationToken ct) =>
        Db.Set<TEntity>().SingleOrDefaultAsync(e => EF.Property<long>(e, nameof(IRegistryRecord.Id)) == id, ct);
}
