using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Features.Exchange;

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
        var list = ids as List<long> ?? ids.ToList();
        var query = db.Set<TEntity>().Where(e => list.Contains(EF.Property<long>(e, nameof(IRegistryRecord.Id))));
        var rows = await (tracking ? query : query.AsNoTracking()).ToListAsync(ct);
        return rows.ConvertAll(r => (IRegistryRecord)r);
    }

    public override IExchangeData ToData(IRegistryRecord row, string orgCode, bool unmasked) => toData((TEntity)row, orgCode, unmasked);

    public override IExchangeData Read(JsonElement data, JsonSerializerOptions options) =>
        data.Deserialize<TData>(options) ?? throw new JsonException($"A {EntityType} line carries null data.");

    public override IRegistryRecord ToEntity(IExchangeData data, int orgUnitId) => toEntity((TData)data, orgUnitId);
}

/// <summary>Every kind of record the change feed carries.</summary>
internal static class ExchangeKinds
{
    public static readonly IReadOnlyList<ExchangeKind> All =
    [
        new ExchangeKind<Campus, CampusData>((x, org, _) => ExchangeMapping.ToData(x, org), ExchangeMapping.ToEntity, personal: false),
        new ExchangeKind<Staff, StaffData>(ExchangeMapping.ToData, ExchangeMapping.ToEntity, personal: true),
        new ExchangeKind<Asset, AssetData>((x, org, _) => ExchangeMapping.ToData(x, org), ExchangeMapping.ToEntity, personal: false),
        new ExchangeKind<SchoolClass, SchoolClassData>((x, org, _) => ExchangeMapping.ToData(x, org), ExchangeMapping.ToEntity, personal: false),
        new ExchangeKind<Student, StudentData>(ExchangeMapping.ToData, ExchangeMapping.ToEntity, personal: true),
        new ExchangeKind<Guardian, GuardianData>(ExchangeMapping.ToData, ExchangeMapping.ToEntity, personal: true),
        new ExchangeKind<Enrolment, EnrolmentData>((x, org, _) => ExchangeMapping.ToData(x, org), ExchangeMapping.ToEntity, personal: false),
    ];

    private static readonly Dictionary<string, ExchangeKind> ByType = All.ToDictionary(k => k.EntityType, StringComparer.Ordinal);

    public static ExchangeKind? Find(string entityType) => ByType.GetValueOrDefault(entityType);
}
