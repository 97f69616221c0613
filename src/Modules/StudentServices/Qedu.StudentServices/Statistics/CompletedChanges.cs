using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Statistics;

/// <summary>
/// A completed change judged against the limits it started with: where it came from, the catalogue item it ran under,
/// whether the guardian asked online (no trip to any office: 零跑腿), the working days it took (returns for correction
/// not counted; 0: done on the day asked, 即办), and whether it ended within each limit.
/// </summary>
internal sealed record CompletedChange(
    long Id, int FromSchoolId, int? FromDistrictId, string? ServiceCode, bool Online, int WorkingDays, bool WithinLegal, bool WithinPromised);

/// <summary>A rating as the figures count it: where, which item, how many stars.</summary>
internal sealed record GivenRating(int SchoolId, int? DistrictId, string? ServiceCode, int Score);

/// <summary>
/// The completed changes of a span, each judged on the kernel's working-day calendar with its returns for correction not
/// counted: what each district's on-time share and each school's indicator facts are counted from. Changes are not scoped
/// by one unit, so this reads them all (figures only).
/// </summary>
internal sealed class CompletedChanges(StudentServicesDb db, WorkingCalendar calendar)
{
    /// <summary>The ratings given between two China dates (figures only: no comment leaves here).</summary>
    public async Task<IReadOnlyList<GivenRating>> RatingsBetweenAsync(DateOnly from, DateOnly to, string? serviceCode = null, CancellationToken ct = default) =>
        await db.Ratings.AsNoTracking().Where(r => r.RatedOn >= from && r.RatedOn <= to && (serviceCode == null || r.ServiceCode == serviceCode))
            .Select(r => new GivenRating(r.SchoolId, r.DistrictId, r.ServiceCode, r.Score))
            .ToListAsync(ct);

    /// <summary>The changes completed between two China dates (of one catalogue item when <paramref name="serviceCode"/> is given).</summary>
    public async Task<IReadOnlyList<CompletedChange>> BetweenAsync(DateOnly from, DateOnly to, string? serviceCode = null, CancellationToken ct = default)
    {
        var done = await db.Changes.AsNoTracking()
            .Where(c => c.State == ChangeState.Completed && c.EffectiveOn >= from && c.EffectiveOn <= to && (serviceCode == null || c.ServiceCode == serviceCode))
            .Select(c => new { c.Id, c.FromSchoolId, c.FromDistrictId, c.ServiceCode, c.Applicant, c.StartedOn, c.EffectiveOn, c.LegalDays, c.PromisedDays })
            .ToListAsync(ct);
        var ids = done.Select(c => c.Id).ToList();
        var pauses = (await db.Pauses.AsNoTracking().Where(p => ids.Contains(p.ChangeId)).ToListAsync(ct)).ToLookup(p => p.ChangeId);
        var days = await calendar.CurrentAsync(ct);
        return done
            .Select(c =>
            {
                var stops = pauses[c.Id].Select(p => new ClockPause(p.From, p.To)).ToList();
                var end = c.EffectiveOn!.Value;
                var legal = days.Read(c.StartedOn, c.LegalDays, stops, end);
                return new CompletedChange(c.Id, c.FromSchoolId, c.FromDistrictId, c.ServiceCode, c.Applicant == Applicant.Guardian, legal.Used,
                    !legal.Overdue(end), !days.Read(c.StartedOn, c.PromisedDays, stops, end).Overdue(end));
            })
            .ToList();
    }
}
