using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Ratings;

namespace Qedu.StudentServices.Features.Changes;

/// <summary>A time limit as a page or app shows it.</summary>
public sealed record ClockView(int Limit, int Used, int Left, DateOnly? Due, bool Stopped, bool DueSoon, bool Overdue, bool Confirmed);

/// <summary>One step of a change's route as shown: the unit, its answer, and its note.</summary>
public sealed record StepView(int Sequence, string Role, int UnitId, string Unit, string Decision, string? Note, DateTimeOffset? DecidedAt, bool Current);

/// <summary>A return for correction as shown: what was asked, and the applicant's answer.</summary>
public sealed record PauseView(DateOnly From, DateOnly? To, string Missing, string? Answer);

/// <summary>
/// A change as its applicant and its reviewers see it: the student (学籍号 masked: the change needs no more of the
/// record), what is asked, where it stands on its route, its promised and legal clocks, the catalogue item it runs
/// under, and the applicant's rating once it is finished.
/// </summary>
public sealed record ChangeView(
    long Id, string Number, string Kind, string State, string StudentName, string StudentNumber, string FromSchool, string? ToSchool,
    string? OtherSchool, string Reason, DateOnly? SuspendedUntil, string Applicant, string ApplicantName, DateOnly StartedOn, DateOnly? EffectiveOn,
    IReadOnlyList<StepView> Steps, IReadOnlyList<PauseView> Pauses, ClockView Promised, ClockView Legal, string? ServiceCode, int? ServiceVersion,
    RatingView? Rating, IReadOnlyList<MaterialRow> Materials);

/// <summary>Builds <see cref="ChangeView"/>s: the steps read past the reviewer's scope (the whole route of a change the caller may see).</summary>
internal sealed class ChangeViews(StudentServicesDb db, OrgTree tree, WorkingCalendar calendar, TimeProvider clock, ServiceRatings ratings,
    ChangeMaterials materials)
{
    public async Task<ChangeView> ViewAsync(StatusChange change, CancellationToken ct = default)
    {
        // The caller may see the change (checked by the flow); its route is shown whole, as the guardian sees it too.
        var steps = await db.Steps.IgnoreQueryFilters([Qedu.Kernel.Access.ScopeFilter.Name]).AsNoTracking()
            .Where(s => s.ChangeId == change.Id).OrderBy(s => s.Sequence).ToListAsync(ct);
        var pauses = await db.Pauses.AsNoTracking().Where(p => p.ChangeId == change.Id).OrderBy(p => p.From).ThenBy(p => p.Id).ToListAsync(ct);
        var names = await tree.NamesOfAsync(steps.Select(s => s.OrgUnitId).Append(change.FromSchoolId).Concat(change.ToSchoolId is int to ? [to] : []), ct);
        var days = await calendar.CurrentAsync(ct);
        var today = CityDate.Today(clock);
        var end = change.EffectiveOn ?? (change.EndedAt is { } ended ? CityDate.Of(ended) : today);
        var stops = pauses.Select(p => new ClockPause(p.From, p.To)).ToList();
        ClockView Clock(int limit)
        {
            var reading = days.Read(change.StartedOn, limit, stops, end);
            return new(reading.Limit, reading.Used, reading.Left, reading.Due, reading.Stopped, reading.DueSoon(end), reading.Overdue(end), reading.Confirmed);
        }
        var open = change.State is ChangeState.UnderReview or ChangeState.Returned;
        return new ChangeView(
            change.Id, change.Number, EnumNames.Name(change.Kind), EnumNames.Name(change.State), change.StudentName,
            PersonalDataAccess.MaskStudentNumber(change.StudentNumber, unmasked: false), names.GetValueOrDefault(change.FromSchoolId, "?"),
            change.ToSchoolId is int target ? names.GetValueOrDefault(target, "?") : null, change.OtherSchool, change.Reason, change.SuspendedUntil,
            EnumNames.Name(change.Applicant), change.ApplicantName, change.StartedOn, change.EffectiveOn,
            [.. steps.Select(s => new StepView(s.Sequence, EnumNames.Name(s.Role), s.OrgUnitId, names.GetValueOrDefault(s.OrgUnitId, "?"), EnumNames.Name(s.Decision), s.Note,
                s.DecidedAt, open && s.Sequence == change.CurrentStep))],
            [.. pauses.Select(p => new PauseView(p.From, p.To, p.Missing, p.Answer))],
            Clock(change.PromisedDays), Clock(change.LegalDays), change.ServiceCode, change.ServiceVersion, await ratings.OfChangeAsync(change.Id, ct),
            await materials.ListAsync(change.Id, ct));
    }
}
