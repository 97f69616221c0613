using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Inspection;

/// <summary>Which unit an inspection request is about, and whether the caller may act on it with a permission.</summary>
internal sealed class InspectionAccess(OrgTree orgTree, ICurrentAccess access)
{
    public AccessContext Caller => access.Current;

    /// <summary>The unit with this code if the caller sees it and it is of one of these kinds (else null: unknown and out of scope alike).</summary>
    public async Task<OrgUnit?> UnitAsync(string? code, params OrgUnitKind[] kinds)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var unit = await orgTree.FindAsync(code.Trim());
        return unit is not null && kinds.Contains(unit.Kind) ? unit : null;
    }

    /// <summary>
    /// The bureau above a unit that inspects it (the district above a school, the city above a district) when the caller
    /// holds <paramref name="permission"/> there; else null.
    /// </summary>
    public async Task<OrgUnit?> InspectingBureauAsync(OrgUnit unit, string permission, CancellationToken ct)
    {
        var bureau = await orgTree.NearestAboveAsync(unit.Id, unit.Kind == OrgUnitKind.School ? [OrgUnitKind.District] : [OrgUnitKind.City], ct);
        return bureau is not null && await MayAsync(permission, bureau.Id, ct) ? bureau : null;
    }

    /// <summary>Whether the caller holds <paramref name="permission"/> over <paramref name="unitId"/>.</summary>
    public async Task<bool> MayAsync(string permission, int unitId, CancellationToken ct) =>
        Caller.Has(permission) && (await orgTree.WithinScopeAsync(Caller, permission, [unitId], ct)).Contains(unitId);
}
