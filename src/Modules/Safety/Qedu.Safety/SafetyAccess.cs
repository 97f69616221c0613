using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Safety;

/// <summary>Which school a safety request is about, and whether the caller may act on it with a permission.</summary>
internal sealed class SafetyAccess(OrgTree orgTree, ICurrentAccess access)
{
    public AccessContext Caller => access.Current;

    /// <summary>The school with this code if the caller sees it (else null: unknown and out of scope answer alike).</summary>
    public async Task<OrgUnit?> SchoolAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var unit = await orgTree.FindAsync(code.Trim(), ct);
        return unit is { Kind: OrgUnitKind.School } ? unit : null;
    }

    /// <summary>Whether the caller holds <paramref name="permission"/> over <paramref name="unitId"/>.</summary>
    public async Task<bool> MayAsync(string permission, int unitId, CancellationToken ct) =>
        Caller.Has(permission) && (await orgTree.WithinScopeAsync(Caller, permission, [unitId], ct)).Contains(unitId);
}
