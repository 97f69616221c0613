using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Features.Dropouts;

/// <summary>A dropout reported: the student (of a school in the caller's scope), the last day at school, why.</summary>
internal sealed record ReportDropout(long StudentId, DateOnly LastAttendedOn, DropoutReason Reason, string? Details);

/// <summary>A case as the ledger lists it: days out of school, follow-ups, and when the next one is due.</summary>
internal sealed record DropoutLine(DropoutCase Case, int DaysOut, int FollowUps, DateOnly? LastFollowUp, DateOnly? NextDue, bool FollowUpOverdue);

/// <summary>
/// The 控辍保学 ledger: a school reports a child who stopped coming (辍学); the school and its district record what they
/// do (家访, 劝返, 送教上门, …) until the child is back in school (劝返复学) or the case ends otherwise (with the reason).
/// A case without a follow-up for <see cref="DropoutCase.FollowUpDays"/> working days is overdue on the ledger. Cases are
/// scoped rows of the school: the school, its district and the city see them; the registry keeps the 学籍 unchanged.
/// </summary>
internal sealed class DropoutLedger(
    StudentServicesDb db, IStudentMoves registry, OrgTree tree, ICurrentAccess access, WorkingCalendar calendar, TimeProvider clock,
    IStringLocalizer<ServicesText> t)
{
    public const int MaxText = 500;

    /// <summary>How far back the last day at school may be.</summary>
    public const int MaxDaysBack = 365;

    private static readonly OrgUnitKind[] DistrictKinds = [OrgUnitKind.District, OrgUnitKind.City];

    private AccessContext Caller => access.Current;

    public async Task<Outcome<DropoutCase>> ReportAsync(ReportDropout input, CancellationToken ct = default)
    {
        var student = await registry.StandingAsync(input.StudentId, ct);
        if (student is null || Caller.ParentAccountId is not null
            || (await tree.WithinScopeAsync(Caller, Permissions.StatusChangesReview, [student.SchoolId], ct)).Count == 0)
        {
            return Outcome<DropoutCase>.NotFound(t["Change.NoStudent"]);
        }
        var errors = new InputErrors();
        var today = CityDate.Today(clock);
        if (student.StatusCode != "01")
        {
            errors.Add("studentId", t["Change.NotEnrolled", student.Name]);
        }
        if (input.LastAttendedOn > today || input.LastAttendedOn < today.AddDays(-MaxDaysBack))
        {
            errors.Add("lastAttendedOn", t["Dropout.LastAttended", MaxDaysBack]);
        }
        if (!Enum.IsDefined(input.Reason))
        {
            errors.Add("reason", t["Dropout.Reason"]);
        }
        var details = input.Details?.Trim() ?? "";
        if (details.Length is 0 or > MaxText)
        {
            errors.Add("details", t["Dropout.Details", MaxText]);
        }
        if (errors.Any)
        {
            return Outcome<DropoutCase>.Invalid(errors);
        }
        var district = (await tree.NearestAboveAsync(student.SchoolId, DistrictKinds, ct))?.Id;
        var report = new DropoutCase
        {
            Number = "KC-" + Guid.NewGuid().ToString("N")[..12], StudentId = student.StudentId, StudentNumber = student.StudentNumber, StudentName = student.Name,
            ClassName = student.ClassName, OrgUnitId = student.SchoolId, DistrictId = district, LastAttendedOn = input.LastAttendedOn, ReportedOn = today,
            Reason = input.Reason, Details = details, ReportedBy = Caller.ActorName ?? "?",
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Dropouts.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<DropoutCase>.Conflict("studentId", t["Dropout.OneOpen", student.Name]);
        }
        report.Number = string.Create(CultureInfo.InvariantCulture, $"KC{today.Year}-{report.Id:D6}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<DropoutCase>.Ok(report);
    }

    /// <summary>The cases of the caller's scope (open ones by default), the most overdue follow-up first.</summary>
    public async Task<IReadOnlyList<DropoutLine>> LedgerAsync(bool openOnly = true, CancellationToken ct = default)
    {
        var cases = await db.Dropouts.AsNoTracking().Where(c => !openOnly || c.State == DropoutState.Open)
            .OrderByDescending(c => c.ReportedOn).Take(500).ToListAsync(ct);
        return (await LinesAsync(cases, ct)).OrderByDescending(l => l.FollowUpOverdue).ThenBy(l => l.NextDue ?? DateOnly.MaxValue).ToList();
    }

    /// <summary>One case of the caller's scope with its ledger, or null.</summary>
    public async Task<(DropoutLine Line, IReadOnlyList<DropoutFollowUp> FollowUps)?> FindAsync(long id, CancellationToken ct = default)
    {
        if (Caller.ParentAccountId is not null || await db.Dropouts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } found)
        {
            return null;
        }
        var actions = await db.FollowUps.AsNoTracking().Where(f => f.CaseId == id).OrderBy(f => f.On).ThenBy(f => f.Id).ToListAsync(ct);
        return ((await LinesAsync([found], ct))[0], actions);
    }

    public async Task<Outcome<DropoutFollowUp>> FollowUpAsync(long id, DateOnly on, FollowUpKind kind, string? note, CancellationToken ct = default)
    {
        if (await WritableAsync(id, ct) is not { } found)
        {
            return Outcome<DropoutFollowUp>.NotFound(t["Dropout.NotFound"]);
        }
        if (found.State != DropoutState.Open)
        {
            return Outcome<DropoutFollowUp>.Conflict(t["Dropout.Ended"]);
        }
        var errors = new InputErrors();
        if (on > CityDate.Today(clock) || on < found.LastAttendedOn)
        {
            errors.Add("on", t["Dropout.On", found.LastAttendedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        if (!Enum.IsDefined(kind))
        {
            errors.Add("kind", t["Dropout.Kind"]);
        }
        var text = note?.Trim() ?? "";
        if (text.Length is 0 or > MaxText)
        {
            errors.Add("note", t["Dropout.Note", MaxText]);
        }
        if (errors.Any)
        {
            return Outcome<DropoutFollowUp>.Invalid(errors);
        }
        var action = new DropoutFollowUp { CaseId = id, On = on, Kind = kind, Note = text, By = Caller.ActorName ?? "?", RecordedAt = clock.GetUtcNow() };
        db.FollowUps.Add(action);
        // The case's revision moves with its ledger, so a follow-up and the case's end at the same moment do not both win.
        found.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<DropoutFollowUp>.Conflict(t["Dropout.Moved"]);
        }
        return Outcome<DropoutFollowUp>.Ok(action);
    }

    /// <summary>Ends a case: the child is back in school (<paramref name="returned"/>), or it ended otherwise (the note says how).</summary>
    public async Task<Outcome<DropoutCase>> EndAsync(long id, bool returned, DateOnly on, string? note, CancellationToken ct = default)
    {
        if (await WritableAsync(id, ct) is not { } found)
        {
            return Outcome<DropoutCase>.NotFound(t["Dropout.NotFound"]);
        }
        if (found.State != DropoutState.Open)
        {
            return Outcome<DropoutCase>.Conflict(t["Dropout.Ended"]);
        }
        var errors = new InputErrors();
        if (on > CityDate.Today(clock) || on < found.LastAttendedOn)
        {
            errors.Add("on", t["Dropout.On", found.LastAttendedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        var text = note?.Trim() ?? "";
        if (text.Length is 0 or > MaxText)
        {
            errors.Add("note", t["Dropout.Note", MaxText]);
        }
        if (errors.Any)
        {
            return Outcome<DropoutCase>.Invalid(errors);
        }
        (found.State, found.EndedOn, found.EndNote) = (returned ? DropoutState.Returned : DropoutState.Closed, on, text);
        found.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<DropoutCase>.Conflict(t["Dropout.Moved"]);
        }
        return Outcome<DropoutCase>.Ok(found);
    }

    /// <summary>The case, tracked, when the caller may act on its school (read scope alone does not write).</summary>
    private async Task<DropoutCase?> WritableAsync(long id, CancellationToken ct)
    {
        if (Caller.ParentAccountId is not null || await db.Dropouts.SingleOrDefaultAsync(c => c.Id == id, ct) is not { } found)
        {
            return null;
        }
        return (await tree.WithinScopeAsync(Caller, Permissions.StatusChangesReview, [found.OrgUnitId], ct)).Count > 0 ? found : null;
    }

    private async Task<IReadOnlyList<DropoutLine>> LinesAsync(IReadOnlyList<DropoutCase> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var actions = (await db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.CaseId)).Select(f => new { f.CaseId, f.On }).ToListAsync(ct))
            .ToLookup(f => f.CaseId, f => f.On);
        var days = await calendar.CurrentAsync(ct);
        var today = CityDate.Today(clock);
        return cases.Select(c =>
            {
                var last = actions[c.Id].DefaultIfEmpty().Max();
                var lastAction = actions[c.Id].Any() ? last : (DateOnly?)null;
                var open = c.State == DropoutState.Open;
                var since = lastAction is { } l && l > c.ReportedOn ? l : c.ReportedOn;
                var due = open ? days.AddWorkingDays(since, DropoutCase.FollowUpDays) : (DateOnly?)null;
                var end = c.EndedOn ?? today;
                return new DropoutLine(c, end.DayNumber - c.LastAttendedOn.DayNumber, actions[c.Id].Count(), lastAction, due, due is { } d && today > d);
            })
            .ToList();
    }
}
