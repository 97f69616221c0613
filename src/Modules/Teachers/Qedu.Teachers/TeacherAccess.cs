using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Teachers;

/// <summary>
/// Who reads and keeps a teacher's record: the units above the teacher's school as far as the caller's grants for the
/// permission reach (a school for its own staff, a district for its schools', the city for all). Staff themselves come
/// from the registry's directory, which applies the caller's scope as well.
/// </summary>
internal sealed class TeacherAccess(ICurrentAccess access, OrgTree tree, IStaffDirectory directory)
{
    public AccessContext Caller => access.Current;

    /// <summary>The name recorded beside a change.</summary>
    public string ActorName => Caller.ActorName ?? Caller.ActorId ?? "system";

    /// <summary>The schools under the caller's grants for <paramref name="permission"/> (every school for the system).</summary>
    public Task<IReadOnlyList<OrgUnit>> SchoolsAsync(string permission, CancellationToken ct) =>
        tree.SchoolsUnderGrantsAsync(Caller, permission, includeClosed: true, ct);

    /// <summary>The member of staff, when their school is under the caller's grants for <paramref name="permission"/>; else null.</summary>
    public async Task<StaffMember?> StaffAsync(long staffId, string permission, CancellationToken ct)
    {
        var member = await directory.FindAsync(staffId, ct);
        return member is not null && await MayAsync(permission, member.SchoolId, ct) ? member : null;
    }

    public async Task<bool> MayAsync(string permission, int orgUnitId, CancellationToken ct) =>
        Caller.IsSystem || (await tree.WithinScopeAsync(Caller, permission, [orgUnitId], ct)).Count == 1;
}
