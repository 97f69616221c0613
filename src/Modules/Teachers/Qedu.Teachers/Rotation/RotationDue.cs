using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.Rotation;

/// <summary>A member of staff due to rotate in a year: whole years at their school then, and whether a backbone teacher now.</summary>
internal sealed record DueStaff(StaffMember Member, int Years, bool Backbone);

/// <summary>
/// Who is due to rotate (the rules: posts, employment types, years at one school counted to the year's day), from the
/// registry's staff and their stretch at the present school (<see cref="IStaffMoves.AtSchoolSinceAsync"/>), in the
/// caller's scope. Shared by the plan's page and the indicator facts.
/// </summary>
internal sealed class RotationDue(TeachersDb db, IStaffDirectory directory, IStaffMoves staffMoves, TeacherRules rules, TimeProvider clock)
{
    public async Task<IReadOnlyList<DueStaff>> DueAsync(IReadOnlyCollection<int> schoolIds, int year, CancellationToken ct)
    {
        var rotation = rules.Rotation;
        var staff = (await directory.AtSchoolsAsync(schoolIds, ct))
            .Where(s => (rotation.TeacherPosts.Contains(s.PostCode) || rotation.PrincipalPosts.Contains(s.PostCode)) && rotation.EmploymentTypes.Contains(s.EmploymentTypeCode))
            .ToList();
        var since = await staffMoves.AtSchoolSinceAsync([.. staff.Select(s => s.StaffId)], ct);
        var due = staff.Where(s => rotation.IsDue(s.PostCode, s.EmploymentTypeCode, since.GetValueOrDefault(s.StaffId), year)).ToList();
        var today = CityDate.Today(clock);
        var ids = due.Select(d => d.StaffId).ToList();
        var backbone = new HashSet<long>();
        foreach (var chunk in ids.Chunk(5_000))
        {
            backbone.UnionWith(await db.Backbone.AsNoTracking().Where(b => chunk.Contains(b.StaffId) && b.From <= today && (b.To == null || b.To >= today))
                .Select(b => b.StaffId).ToListAsync(ct));
        }
        return due.ConvertAll(s => new DueStaff(s, rotation.YearsAt(since[s.StaffId]!.Value, year), backbone.Contains(s.StaffId)));
    }
}
