using Microsoft.EntityFrameworkCore;
using Qedu.Facilities.Data;
using Qedu.Facilities.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Facilities;

/// <summary>The bureau a facilities request is about (a district, or the city with all its districts) and its zones.</summary>
/// <param name="Unit">The bureau named (or the caller's highest grant).</param>
/// <param name="Districts">The districts it covers: itself when it is one, else those under it.</param>
internal sealed record FacilitiesArea(OrgUnit Unit, IReadOnlyList<OrgUnit> Districts)
{
    public IReadOnlyList<int> DistrictIds => [.. Districts.Select(d => d.Id)];
}

/// <summary>
/// Which bureau and which zones a facilities request may touch. A zone belongs to its district: out of the caller's
/// scope, or under a permission the caller does not hold there, it answers as unknown (404).
/// </summary>
internal sealed class FacilitiesAccess(FacilitiesDb db, OrgTree orgTree, ICurrentAccess access)
{
    public AccessContext Caller => access.Current;

    /// <summary>
    /// The bureau with this code (a district or the city) where the caller holds <paramref name="permission"/>, or, without a
    /// code, the caller's highest grant of it; null when unknown, not a bureau, or out of scope.
    /// </summary>
    public async Task<FacilitiesArea?> AreaAsync(string? code, string permission, CancellationToken ct)
    {
        OrgUnit? unit;
        if (string.IsNullOrWhiteSpace(code))
        {
            unit = await orgTree.HighestGrantAsync(Caller, permission, ct) is int id ? await orgTree.FindAsync(id, ct) : null;
        }
        else
        {
            unit = await orgTree.FindAsync(code.Trim(), ct);
        }
        if (unit is not { Kind: OrgUnitKind.District or OrgUnitKind.City } || !await MayAsync(permission, unit.Id, ct))
        {
            return null;
        }
        var districts = unit.Kind == OrgUnitKind.District
            ? [unit]
            : (await orgTree.OfKindAsync([OrgUnitKind.District], unit.Id, ct)).ToList();
        return new FacilitiesArea(unit, districts);
    }

    /// <summary>The zone with this code if the caller holds <paramref name="permission"/> over its district; else null.</summary>
    public async Task<PlanningZone?> ZoneAsync(string? code, string permission, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var zone = await db.Zones.FirstOrDefaultAsync(z => z.Code == code.Trim(), ct);
        return zone is not null && await MayAsync(permission, zone.OrgUnitId, ct) ? zone : null;
    }

    /// <summary>Whether the caller holds <paramref name="permission"/> over <paramref name="unitId"/>.</summary>
    public async Task<bool> MayAsync(string permission, int unitId, CancellationToken ct) =>
        Caller.Has(permission) && (await orgTree.WithinScopeAsync(Caller, permission, [unitId], ct)).Contains(unitId);
}
