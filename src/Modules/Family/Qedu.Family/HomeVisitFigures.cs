using Microsoft.EntityFrameworkCore;
using Qedu.Family.Contracts;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Visits;
using Qedu.Kernel.Access;

namespace Qedu.Family;

/// <summary>Home visits for other modules (<see cref="IHomeVisits"/>): coverage per school by the page's rule, a child's counts.</summary>
internal sealed class HomeVisitFigures(FamilyDb db, FamilyAccess access, VisitCoverage coverage) : IHomeVisits
{
    public async Task<IReadOnlyList<VisitCoverageFigures>> CoverageAsync(int schoolYear, CancellationToken ct = default)
    {
        var schools = await access.SchoolsAsync(Permissions.VisitsRead, ct);
        var classes = await coverage.ClassesAsync([.. schools.Select(s => s.Id)], schoolYear, ct);
        return [.. classes.GroupBy(c => c.SchoolId).Select(g => new VisitCoverageFigures(g.Key, g.Sum(c => c.Students), g.Sum(c => c.Visited)))];
    }

    public async Task<StudentVisitSummary?> OfStudentAsync(int schoolId, long studentId, CancellationToken ct = default)
    {
        if (!await access.MayAsync(Permissions.VisitsRead, schoolId, ct))
        {
            return null;
        }
        var visits = await db.HomeVisits.AsNoTracking().Where(v => v.StudentId == studentId && v.OrgUnitId == schoolId)
            .Select(v => new { v.Status, v.VisitedOn, v.PlannedOn }).ToListAsync(ct);
        var done = visits.Where(v => v.Status == VisitStatus.Done).ToList();
        var planned = visits.Where(v => v.Status == VisitStatus.Planned).ToList();
        return new StudentVisitSummary(studentId, done.Count, planned.Count, done.Max(v => v.VisitedOn), planned.Count == 0 ? null : planned.Min(v => v.PlannedOn),
            HomeVisitLinks.Student(studentId));
    }
}

/// <summary>The visits pages' addresses, in one place.</summary>
internal static class HomeVisitLinks
{
    public static string Student(long studentId) => $"/family/visits/students/{studentId}";
}
