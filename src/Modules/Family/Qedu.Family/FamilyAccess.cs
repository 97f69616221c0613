using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Family;

/// <summary>
/// Which schools a family-services request may touch: those under the caller's grants for the permission (every school
/// for the system). A school out of scope answers as unknown (404).
/// </summary>
internal sealed class FamilyAccess(ICurrentAccess access, OrgTree tree)
{
    public AccessContext Caller => access.Current;

    /// <summary>The name recorded beside a change.</summary>
    public string ActorName => Caller.ActorName ?? Caller.ActorId ?? "system";

    /// <summary>The open schools under the caller's grants for <paramref name="permission"/>, by code.</summary>
    public Task<IReadOnlyList<OrgUnit>> SchoolsAsync(string permission, CancellationToken ct) =>
        tree.SchoolsUnderGrantsAsync(Caller, permission, includeClosed: false, ct);

    /// <summary>
    /// The unit the caller acts for under <paramref name="permission"/>: the one named by <paramref name="code"/> when the
    /// caller holds the permission over it, else (no code) their grant nearest the root; null otherwise.
    /// </summary>
    public async Task<OrgUnit?> UnitAsync(string? code, string permission, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(code)
            ? await tree.HighestGrantAsync(Caller, permission, ct) is int id ? await tree.FindAsync(id, ct) : null
            : await tree.FindAsync(code.Trim(), ct);
        return unit is not null && unit.ClosedOn is null && await MayAsync(permission, unit.Id, ct) ? unit : null;
    }

    /// <summary>Whether the caller holds <paramref name="permission"/> over <paramref name="orgUnitId"/>.</summary>
    public async Task<bool> MayAsync(string permission, int orgUnitId, CancellationToken ct) =>
        Caller.IsSystem || (Caller.Has(permission) && (await tree.WithinScopeAsync(Caller, permission, [orgUnitId], ct)).Count == 1);
}
