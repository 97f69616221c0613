using Microsoft.EntityFrameworkCore;
using Qedu.Family.Contracts;
using Qedu.Family.Data;
using Qedu.Kernel.Access;

namespace Qedu.Family;

/// <summary>Family–school cooperation for other modules (<see cref="IFamilySchool"/>): each open school's committees, as the committees page counts them.</summary>
internal sealed class FamilySchoolFigures(FamilyDb db, FamilyAccess access) : IFamilySchool
{
    public async Task<IReadOnlyList<CommitteeFigures>> CommitteesAsync(int schoolYear, CancellationToken ct = default)
    {
        var schools = await access.SchoolsAsync(Permissions.FamilySchoolRead, ct);
        var ids = schools.Select(s => s.Id).ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => ids.Contains(c.OrgUnitId) && c.SchoolYear == schoolYear)
            .Select(c => new { c.OrgUnitId, c.ClassName }).ToListAsync(ct);
        var bySchool = committees.ToLookup(c => c.OrgUnitId);
        return [.. schools.Select(s => new CommitteeFigures(s.Id, bySchool[s.Id].Any(c => c.ClassName.Length == 0), bySchool[s.Id].Count(c => c.ClassName.Length > 0)))];
    }
}
