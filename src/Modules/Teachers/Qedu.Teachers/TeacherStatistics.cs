using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Rotation;
using Qedu.Teachers.Training;

namespace Qedu.Teachers;

/// <summary>
/// <see cref="ITeacherStatistics"/>: the figures the seeds' plan targets bind to, counted per school (teachers,
/// certificates, backbone, training) and per handling bureau (reports). A past year is counted as it stood on its last
/// day, except the teachers themselves: the registry keeps who works where now, not a history of staff.
/// </summary>
internal sealed class TeacherStatistics(TeachersDb db, IStaffDirectory directory, OrgTree tree, TrainingTally tally, RotationDue due, TimeProvider clock)
    : ITeacherStatistics
{
    public async Task<IReadOnlyList<TeacherSchoolFigures>> SchoolsAsync(int year, CancellationToken ct = default)
    {
        var today = CityDate.Today(clock);
        if (year > today.Year)
        {
            return [];
        }
        var asOf = year == today.Year ? today : new DateOnly(year, 12, 31);
        var schools = (await tree.OfKindAsync([OrgUnitKind.School], null, ct)).Where(s => s.ClosedOn is null).Select(s => s.Id).ToList();
        var teachers = (await directory.AtSchoolsAsync(schools, ct)).Where(s => s.PostCode == StaffCodes.FullTimeTeacher).ToList();
        var certified = (await db.Certificates.AsNoTracking().Where(c => c.IssuedOn <= asOf).Select(c => c.StaffId).Distinct().ToListAsync(ct)).ToHashSet();
        var backbone = (await db.Backbone.AsNoTracking().Where(b => b.From <= asOf && (b.To == null || b.To >= asOf)).Select(b => b.StaffId).Distinct()
            .ToListAsync(ct)).ToHashSet();
        var standings = (await tally.StandingsAsync(teachers, asOf, ct)).ToDictionary(s => s.StaffId);
        return [.. teachers.GroupBy(t => t.SchoolId).OrderBy(g => g.Key).Select(g => new TeacherSchoolFigures(
            g.Key, g.Count(), g.Count(t => certified.Contains(t.StaffId)), g.Count(t => backbone.Contains(t.StaffId)),
            g.Count(t => standings[t.StaffId].OnPace), g.Count(t => standings[t.StaffId].Done)))];
    }

    public async Task<IReadOnlyList<TeacherReportFigures>> ReportsAsync(int year, CancellationToken ct = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await db.Reports.AsNoTracking().Where(r => r.ReceivedOn >= first && r.ReceivedOn <= last)
            .GroupBy(r => r.OrgUnitId)
            .Select(g => new
            {
                g.Key,
                Received = g.Count(),
                Concluded = g.Count(r => r.ConcludedOn != null),
                OnTime = g.Count(r => r.ConcludedOn != null && r.ConcludedOn <= r.ConcludeBy),
                Upheld = g.Count(r => r.Conclusion == ReportConclusion.Upheld),
            })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Key).Select(r => new TeacherReportFigures(r.Key, r.Received, r.Concluded, r.OnTime, r.Upheld))];
    }

    public async Task<IReadOnlyList<TeacherRotationFigures>> RotationAsync(int year, CancellationToken ct = default)
    {
        var schools = (await tree.OfKindAsync([OrgUnitKind.School], null, ct)).Where(s => s.ClosedOn is null && s.ParentId is not null).ToDictionary(s => s.Id);
        var dueByDistrict = (await due.DueAsync(schools.Keys, year, ct)).GroupBy(d => schools[d.Member.SchoolId].ParentId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var moves = await db.RotationMoves.AsNoTracking().Where(m => m.Year == year && (m.State == RotationState.Approved || m.State == RotationState.Applied))
            .GroupBy(m => m.DistrictId)
            .Select(g => new { g.Key, Moved = g.Count(), Backbone = g.Count(m => m.Backbone), UrbanToRural = g.Count(m => m.UrbanToRural) })
            .ToDictionaryAsync(g => g.Key, ct);
        return [.. dueByDistrict.Keys.Union(moves.Keys).Order().Select(id => new TeacherRotationFigures(id, dueByDistrict.GetValueOrDefault(id),
            moves.GetValueOrDefault(id)?.Moved ?? 0, moves.GetValueOrDefault(id)?.Backbone ?? 0, moves.GetValueOrDefault(id)?.UrbanToRural ?? 0))];
    }
}
