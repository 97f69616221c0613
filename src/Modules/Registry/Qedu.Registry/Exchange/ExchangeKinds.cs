using Qedu.Kernel.Persistence;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;

namespace Qedu.Registry.Exchange;

/// <summary>
/// One kind of registry record as the exchange sees it: how to load rows by id (one query for a whole page), how to
/// show a row, and how to turn an exchanged record back into a row. The feed and the mirror share these, so the shape
/// a source serves is exactly the shape a mirror reads.
/// </summary>
internal abstract class ExchangeKind
{
    /// <summary>The feed's entity type: the entity's class name, as <see cref="ChangeFeedInterceptor"/> writes it.</summary>
    public abstract string EntityType { get; }

    /// <summary>True when rows hold people's identifying data (masked unless pii.view, audited when shown).</summary>
    public abstract bool HasPersonalData { get; }

    /// <summary>The rows with these ids that the context can see (its scope filter applies).</summary>
    public abstract Task<List<IRegistryRecord>> LoadAsync(RegistryDb db, IReadOnlyCollection<long> ids, bool tracking, CancellationToken ct);

    /// <summary>A keyset page of this kind's rows in the caller's scope (optionally one school), by id after <paramref name="after"/>.</summary>
    public abstract Task<(List<IRegistryRecord> Rows, bool HasMore)> PageAsync(RegistryDb db, int? orgUnitId, long after, int limit, CancellationToken ct);

    public abstract IExchangeData ToData(IRegistryRecord row, string orgCode, bool unmasked);

    public abstract IExchangeData Read(JsonElement data, JsonSerializerOptions options);

    /// <summary>A detached row with the exchanged values, in the local org unit; its revision is left to the writer.</summary>
    public abstract IRegistryRecord ToEntity(IExchangeData data, int orgUnitId);
}

internal sealed class ExchangeKind<TEntity, TData>(
    Func<TEntity, string, bool, TData> toData, Func<TData, int, TEntity> toEntity, bool personal) : ExchangeKind
    where TEntity : class, IRegistryRecord
    where TData : class, IExchangeData
{
    public override string EntityType => typeof(TEntity).Name;

    public override bool HasPersonalData => personal;

    public override async Task<List<IRegistryRecord>> LoadAsync(RegistryDb db, IReadOnlyCollection<long> ids, bool tracking, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var list = ids as List<long> ?? ids.ToList();
        var (min, max) = (list.Min(), list.Max());
        if (!tracking && max - min < 4L * list.Count)
        {
            // A feed page's ids are mostly consecutive (ids are versions, written in runs): one range scan of the primary
            // key reads a few pages where a lookup per id would read thousands. Rows in the range but not asked for are
            // dropped here.
            var wanted = list.ToHashSet();
            var range = await db.Set<TEntity>().AsNoTracking()
                .Where(e => EF.Property<long>(e, nameof(IRegistryRecord.Id)) >= min && EF.Property<long>(e, nameof(IRegistryRecord.Id)) <= max)
                .ToListAsync(ct);
            return range.Where(r => wanted.Contains(r.Id)).Select(r => (IRegistryRecord)r).ToList();
        }
        var query = db.Set<TEntity>().Where(e => list.Contains(EF.Property<long>(e, nameof(IRegistryRecord.Id))));
        var rows = await (tracking ? query : query.AsNoTracking()).ToListAsync(ct);
        return rows.ConvertAll(r => (IRegistryRecord)r);
    }

    public override async Task<(List<IRegistryRecord> Rows, bool HasMore)> PageAsync(RegistryDb db, int? orgUnitId, long after, int limit, CancellationToken ct)
    {
        var query = db.Set<TEntity>().AsNoTracking().Where(e => EF.Property<long>(e, nameof(IRegistryRecord.Id)) > after);
        if (orgUnitId is { } unit)
        {
            query = query.Where(e => EF.Property<int>(e, nameof(IRegistryRecord.OrgUnitId)) == unit);
        }
        var (rows, more) = await query.OrderBy(e => EF.Property<long>(e, nameof(IRegistryRecord.Id))).TakePageAsync(limit, ct);
        return (rows.ConvertAll(r => (IRegistryRecord)r), more);
    }

    public override IExchangeData ToData(IRegistryRecord row, string orgCode, bool unmasked) => toData((TEntity)row, orgCode, unmasked);

    public override IExchangeData Read(JsonElement data, JsonSerializerOptions options) =>
        data.Deserialize<TData>(options) ?? throw new JsonException($"A {EntityType} line carries null data.");

    public override IRegistryRecord ToEntity(IExchangeData data, int orgUnitId) => toEntity((TData)data, orgUnitId);
}

/// <summary>Every kind of record the change feed carries.</summary>
internal static class ExchangeKinds
{
    /// <summary>Each kind's exchange shape, from the kinds' descriptors.</summary>
    public static readonly IReadOnlyList<ExchangeKind> All = RegistryKinds.All.Select(k => k.Exchange).ToList();

    private static readonly Dictionary<string, ExchangeKind> ByType = All.ToDictionary(k => k.EntityType, StringComparer.Ordinal);

    public static ExchangeKind? Find(string entityType) => ByType.GetValueOrDefault(entityType);
}
