using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.StudentServices.Contracts;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Statistics;

/// <summary>
/// <see cref="IStudentServicesStatistics"/>: the year's completed changes per school, each judged against the limits it
/// started with, on the kernel's working-day calendar with its returns for correction not counted. Changes are not scoped
/// by one unit, so this reads them all (figures only).
/// </summary>
internal sealed class StudentServicesStatistics(StudentServicesDb db, WorkingCalendar calendar) : IStudentServicesStatistics
{
    public async Task<IReadOnlyList<StatusChangeUnitFigures>> FiguresAsync(int year, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var done = await db.Changes.AsNoTracking()
            .Where(c => c.State == ChangeState.Completed && c.EffectiveOn >= from && c.EffectiveOn <= to)
            .Select(c => new { c.Id, c.FromSchoolId, c.StartedOn, c.EffectiveOn, c.LegalDays, c.PromisedDays })
            .ToListAsync(ct);
        var ids = done.Select(c => c.Id).ToList();
        var pauses = (await db.Pauses.AsNoTracking().Where(p => ids.Contains(p.ChangeId)).ToListAsync(ct)).ToLookup(p => p.ChangeId);
        var days = await calendar.CurrentAsync(ct);
        return done
            .Select(c =>
            {
                var stops = pauses[c.Id].Select(p => new ClockPause(p.From, p.To)).ToList();
                var end = c.EffectiveOn!.Value;
                return (c.FromSchoolId, Legal: !days.Read(c.StartedOn, c.LegalDays, stops, end).Overdue(end),
                    Promised: !days.Read(c.StartedOn, c.PromisedDays, stops, end).Overdue(end));
            })
            .GroupBy(x => x.FromSchoolId)
            .Select(g => new StatusChangeUnitFigures(g.Key, g.Count(), g.Count(x => x.Legal), g.Count(x => x.Promised)))
            .OrderBy(f => f.OrgUnitId)
            .ToList();
    }
}
