using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Statistics;

/// <summary>A completed change judged against the limits it started with: where it came from, and whether it ended within each.</summary>
internal sealed record CompletedChange(long Id, int FromSchoolId, int? FromDistrictId, bool WithinLegal, bool WithinPromised);

/// <summary>
/// The completed changes of a span, each judged on the kernel's working-day calendar with its returns for correction not
/// counted: what each district's on-time share and each school's indicator facts are counted from. Changes are not scoped
/// by one unit, so this reads them all (figures only).
/// </summary>
internal sealed class CompletedChanges(StudentServicesDb db, WorkingCalendar calendar)
{
    public async Task<IReadOnlyList<CompletedChange>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var done = await db.Changes.AsNoTracking()
            .Where(c => c.State == ChangeState.Completed && c.EffectiveOn >= from && c.EffectiveOn <= to)
            .Select(c => new { c.Id, c.FromSchoolId, c.FromDistrictId, c.StartedOn, c.EffectiveOn, c.LegalDays, c.PromisedDays })
            .ToListAsync(ct);
        var ids = done.Select(c => c.Id).ToList();
        var pauses = (await db.Pauses.AsNoTracking().Where(p => ids.Contains(p.ChangeId)).ToListAsync(ct)).ToLookup(p => p.ChangeId);
        var days = await calendar.CurrentAsync(ct);
        return done
            .Select(c =>
            {
                var stops = pauses[c.Id].Select(p => new ClockPause(p.From, p.To)).ToList();
                var end = c.EffectiveOn!.Value;
                return new CompletedChange(c.Id, c.FromSchoolId, c.FromDistrictId,
                    !days.Read(c.StartedOn, c.LegalDays, stops, end).Overdue(end), !days.Read(c.StartedOn, c.PromisedDays, stops, end).Overdue(end));
            })
            .ToList();
    }
}
