using Qedu.Family.Data;
using Qedu.Family.CommitteeRecords;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Family.Features.ParentCommittees;

/// <summary>A child's school and class committees as their parents see them: members by name and office (no numbers), and the minutes.</summary>
internal sealed record ChildCommittees(long StudentId, string Name, string School, string? ClassName, IReadOnlyList<CommitteeLine> Committees);

/// <summary>
/// The parent committees from a parent's phone (the parent sign-in): for each of their children, the school's committee
/// and the child's class's of this school year — who serves (names and offices, the numbers withheld) and what their
/// meetings agreed, since a committee speaks for the parents it serves.
/// </summary>
internal sealed class ParentCommittees(FamilyDb db, FamilyAccess access, IStudentMoves students, ParentAccounts parents, OrgTree tree, TimeProvider clock)
{
    public async Task<IReadOnlyList<ChildCommittees>> ChildrenAsync(CancellationToken ct = default)
    {
        if (access.Caller.ParentAccountId is not Guid parent || (await parents.FindAsync(parent, ct))?.Phone is not { } phone)
        {
            return [];
        }
        var children = (await students.ChildrenOfGuardianAsync(phone, ct)).Where(c => c.StatusCode == "01").ToList();
        var names = await tree.NamesOfAsync(children.Select(c => c.SchoolId).Distinct(), ct);
        var year = CityDate.SchoolYearOf(CityDate.Today(clock));
        var result = new List<ChildCommittees>();
        foreach (var child in children)
        {
            // A parent holds no staff grant: their children's school's committees are read past the scope, by the registry's answer only.
            var committees = await CommitteeLines.OfSchoolAsync(db, child.SchoolId, year, child.ClassName is { } c ? [c] : [], unmasked: false, ct, pastScope: true);
            result.Add(new ChildCommittees(child.StudentId, child.Name, names.GetValueOrDefault(child.SchoolId, ""), child.ClassName,
                [.. committees.Select(l => l with { Members = [.. l.Members.Select(m => m with { Phone = "" })] })]));
        }
        return result;
    }
}
