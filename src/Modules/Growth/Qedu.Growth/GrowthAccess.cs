using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Growth;

/// <summary>
/// Who reads and keeps students' growth and health records: the units above the student's school as far as the caller's
/// grants for the permission reach. Students themselves come from the registry's contracts, which apply the caller's scope.
/// </summary>
internal sealed class GrowthAccess(ICurrentAccess access, OrgTree tree)
{
    public AccessContext Caller => access.Current;

    /// <summary>The name recorded beside a change.</summary>
    public string ActorName => Caller.ActorName ?? Caller.ActorId ?? "system";

    /// <summary>The open schools under the caller's grants for <paramref name="permission"/> (every school for the system).</summary>
    public Task<IReadOnlyList<OrgUnit>> SchoolsAsync(string permission, CancellationToken ct) =>
        tree.SchoolsUnderGrantsAsync(Caller, permission, includeClosed: false, ct);

    public async Task<bool> MayAsync(string permission, int orgUnitId, CancellationToken ct) =>
        Caller.IsSystem || (await tree.WithinScopeAsync(Caller, permission, [orgUnitId], ct)).Count == 1;
}
