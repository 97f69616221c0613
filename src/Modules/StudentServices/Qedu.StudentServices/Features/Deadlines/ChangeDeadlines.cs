using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Statistics;

namespace Qedu.StudentServices.Features.Deadlines;

/// <summary>An open change with where its clocks stand: the unit now deciding, and the promised and legal limits read today.</summary>
internal sealed record ChangeDeadline(long ChangeId, string Number, ChangeKind Kind, ChangeState State, string StudentName, int UnitId, StepRole Role,
    ClockReading Promised, ClockReading Legal);

/// <summary>One district's finished changes: how many, and how many within the legal and the promised limit.</summary>
internal sealed record DistrictTimeliness(int DistrictId, int Completed, int WithinLegal, int WithinPromised);

/// <summary>
/// Who is late: the open changes the caller's units must decide, with their working-day clocks (stopped while a change is
/// back with the applicant), due soon (at most one working day left) or overdue; and each district's on-time share.
/// </summary>
internal sealed class ChangeDeadlines(StudentServicesDb db, WorkingCalendar calendar, TimeProvider clock, CompletedChanges completed)
{
    /// <summary>The open changes whose current step is a unit in the caller's scope (a step's scope is its unit's).</summary>
    public async Task<IReadOnlyList<ChangeDeadline>> OpenAsync(CancellationToken ct = default)
    {
        var rows = await (
                from c in db.Changes.AsNoTracking()
                join s in db.Steps.AsNoTracking() on new { c.Id, Sequence = c.CurrentStep } equals new { Id = s.ChangeId, s.Sequence }
                where c.State == ChangeState.UnderReview || c.State == ChangeState.Returned
                select new { Change = c, s.OrgUnitId, s.Role })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Change.Id).ToList();
        var pauses = (await db.Pauses.AsNoTracking().Where(p => ids.Contains(p.ChangeId)).ToListAsync(ct)).ToLookup(p => p.ChangeId);
        var days = await calendar.CurrentAsync(ct);
        var today = CityDate.Today(clock);
        return rows
            .Select(r =>
            {
                var stops = pauses[r.Change.Id].Select(p => new ClockPause(p.From, p.To)).ToList();
                return new ChangeDeadline(r.Change.Id, r.Change.Number, r.Change.Kind, r.Change.State, r.Change.StudentName, r.OrgUnitId, r.Role,
                    days.Read(r.Change.StartedOn, r.Change.PromisedDays, stops, today), days.Read(r.Change.StartedOn, r.Change.LegalDays, stops, today));
            })
            .OrderBy(d => d.Promised.Due ?? DateOnly.MaxValue)
            .ToList();
    }

    /// <summary>
    /// Each district's completed changes since <paramref name="since"/> (by the sending district; all of them, whatever the
    /// caller's scope: counts only), and how many ended within their limits, pauses not counted.
    /// </summary>
    public async Task<IReadOnlyList<DistrictTimeliness>> TimelinessAsync(DateOnly since, CancellationToken ct = default) =>
        (await completed.BetweenAsync(since, DateOnly.MaxValue, ct: ct))
            .GroupBy(c => c.FromDistrictId ?? 0)
            .Select(g => (g.Key, Figures: ServiceFigures.Of([.. g], [])))
            .Select(g => new DistrictTimeliness(g.Key, g.Figures.Completed, g.Figures.WithinLegal, g.Figures.WithinPromised))
            .OrderBy(d => d.DistrictId)
            .ToList();
}
