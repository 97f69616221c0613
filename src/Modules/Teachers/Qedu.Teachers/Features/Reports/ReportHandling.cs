using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Ethics;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Reports;

/// <summary>A case in a handler's list: what, where, when received, where it stands, the next limit and whether it is past.</summary>
internal sealed record ReportRow(string Number, string Kind, string SchoolText, string Handler, DateOnly ReceivedOn, string State, DateOnly? NextDue, bool Overdue,
    string? Conclusion);

/// <summary>A handler's view of a case. It has no field for the reporter's contact: only whether there is one.</summary>
internal sealed record ReportView(
    string Number, string Kind, string SchoolText, string? SchoolCode, string? SchoolName, string? TeacherText, string Text, string Handler, string State,
    DateOnly ReceivedOn, DateOnly AcknowledgeBy, DateOnly? AcknowledgedOn, DateOnly InvestigateBy, DateOnly? InvestigatedOn, DateOnly ConcludeBy,
    DateOnly? ConcludedOn, string? Conclusion, string? PublicConclusion, long? StaffId, string? StaffName, bool HasContact, bool Overdue,
    IReadOnlyList<HandlerEntry> Entries, IReadOnlyList<ReportFileRow> Files, long Revision);

internal sealed record HandlerEntry(DateTimeOffset At, bool FromReporter, string? Handler, string Text, bool Public);

internal sealed record ReportFileRow(long Id, string FileName, string MediaType, long Length, DateTimeOffset At);

/// <summary>A step in a case: acknowledge, investigate, note (public: a reply the reporter sees), conclude (upheld or not, the reporter's wording, the teacher).</summary>
internal sealed record ReportStep(string? Text = null, bool Public = false, string? Conclusion = null, string? PublicConclusion = null, long? StaffId = null);

/// <summary>
/// The handlers' side of the report channel (<c>teachers.reports.handle</c>): the cases of their bureau (the kernel's scope
/// filter: a district its own, the city every one), each step dated and audited, the limits kept in working days.
/// No method here reads <see cref="ReportContact"/>: that is <see cref="ReportContacts"/>', for the channel's officer.
/// </summary>
internal sealed class ReportHandling(
    TeachersDb db, ICurrentAccess access, OrgTree tree, IStaffDirectory directory, IFileStore files, EthicsBars bars, TimeProvider clock,
    IStringLocalizer<TeachersText> t)
{
    public const int Listed = 500;

    public async Task<IReadOnlyList<ReportRow>> ListAsync(bool overdueOnly, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var query = db.Reports.AsNoTracking();
        if (overdueOnly)
        {
            query = query.Where(r =>
                (r.State == ReportState.Received && r.AcknowledgeBy < today) || (r.State == ReportState.Acknowledged && r.InvestigateBy < today)
                || (r.State == ReportState.Investigating && r.ConcludeBy < today));
        }
        var rows = await query.OrderBy(r => r.State == ReportState.Concluded).ThenBy(r => r.ReceivedOn).ThenBy(r => r.Id).Take(Listed).ToListAsync(ct);
        var names = await tree.NamesOfAsync(rows.Select(r => r.OrgUnitId).Distinct(), ct);
        return rows.ConvertAll(r => new ReportRow(r.Number, r.Kind.ToString(), r.SchoolText, names.GetValueOrDefault(r.OrgUnitId, ""), r.ReceivedOn, r.State.ToString(),
            NextDue(r), IsOverdue(r, today), r.Conclusion?.ToString()));
    }

    public async Task<ReportView?> FindAsync(string? number, CancellationToken ct)
    {
        var wanted = ReportNumbers.Normalise(number);
        var report = wanted is null ? null : await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Number == wanted, ct);
        if (report is null)
        {
            return null;
        }
        var entries = await db.ReportEntries.AsNoTracking().Where(e => e.CaseId == report.Id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new HandlerEntry(e.At, e.FromReporter, e.Handler, e.Text, e.Public)).ToListAsync(ct);
        var fileRows = await db.ReportFiles.AsNoTracking().Where(f => f.CaseId == report.Id).OrderBy(f => f.Id)
            .Select(f => new ReportFileRow(f.Id, f.FileName, f.MediaType, f.Length, f.At)).ToListAsync(ct);
        var units = await tree.UnitsOfAsync(report.SchoolId is { } s ? [report.OrgUnitId, s] : [report.OrgUnitId], ct);
        var school = report.SchoolId is { } id ? units.GetValueOrDefault(id) : null;
        var staff = report.StaffId is { } staffId ? await directory.FindAsync(staffId, ct) : null;
        return new ReportView(report.Number, report.Kind.ToString(), report.SchoolText, school?.Code, school?.Name, report.TeacherText, report.Text,
            units.GetValueOrDefault(report.OrgUnitId)?.Name ?? "", report.State.ToString(), report.ReceivedOn, report.AcknowledgeBy, report.AcknowledgedOn,
            report.InvestigateBy, report.InvestigatedOn, report.ConcludeBy, report.ConcludedOn, report.Conclusion?.ToString(), report.PublicConclusion,
            report.StaffId, staff?.Name, report.HasContact, IsOverdue(report, CityDate.Today(clock)), entries, fileRows, report.Revision);
    }

    public Task<Outcome<string>> AcknowledgeAsync(string? number, CancellationToken ct) => StepAsync(number, ReportState.Received, (report, today) =>
    {
        (report.State, report.AcknowledgedOn) = (ReportState.Acknowledged, today);
        return null;
    }, ct);

    public Task<Outcome<string>> InvestigateAsync(string? number, CancellationToken ct) => StepAsync(number, ReportState.Acknowledged, (report, today) =>
    {
        (report.State, report.InvestigatedOn) = (ReportState.Investigating, today);
        return null;
    }, ct);

    /// <summary>A note on the case: internal, or a reply the reporter reads when following it. Any time before the conclusion.</summary>
    public async Task<Outcome<string>> NoteAsync(string? number, ReportStep step, CancellationToken ct)
    {
        var report = await TrackedAsync(number, ct);
        if (report is null)
        {
            return Outcome<string>.NotFound(t["Report.NotFound"]);
        }
        if (report.State == ReportState.Concluded)
        {
            return Outcome<string>.Conflict(t["Report.Concluded"]);
        }
        var text = step.Text?.Trim() ?? "";
        if (text.Length is 0 or > ReportChannel.MaxText)
        {
            return Outcome<string>.Invalid(new InputErrors().Add("text", t["Report.Note", ReportChannel.MaxText]));
        }
        db.ReportEntries.Add(new ReportEntry
        {
            CaseId = report.Id, OrgUnitId = report.OrgUnitId, At = clock.GetUtcNow(), Handler = Actor, Text = text, Public = step.Public,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(report.Number);
    }

    /// <summary>
    /// Concludes an investigated case: upheld or not, the wording the reporter reads, and (when upheld) the teacher, a member
    /// of staff of a school under the handler's bureau, who then carries an ethics bar for the rules' months. Once.
    /// </summary>
    public async Task<Outcome<string>> ConcludeAsync(string? number, ReportStep step, CancellationToken ct)
    {
        var report = await TrackedAsync(number, ct);
        if (report is null)
        {
            return Outcome<string>.NotFound(t["Report.NotFound"]);
        }
        if (report.State != ReportState.Investigating)
        {
            return Outcome<string>.Conflict(t[$"Report.Not{ReportState.Investigating}"]);
        }
        var errors = new InputErrors();
        var conclusion = EnumNames.ParseName<ReportConclusion>(step.Conclusion);
        if (conclusion is null)
        {
            errors.Add("conclusion", t["Report.Conclusion"]);
        }
        var wording = step.PublicConclusion?.Trim() ?? "";
        if (wording.Length is 0 or > 1000)
        {
            errors.Add("publicConclusion", t["Report.PublicConclusion", 1000]);
        }
        StaffMember? teacher = null;
        if (step.StaffId is { } staffId)
        {
            teacher = await directory.FindAsync(staffId, ct);
            if (teacher is null || !await tree.IsUnderAsync([report.OrgUnitId], teacher.SchoolId, ct))
            {
                errors.Add("staffId", t["Report.Staff"]);
            }
        }
        else if (conclusion == ReportConclusion.Upheld && report.StaffId is null)
        {
            errors.Add("staffId", t["Report.StaffRequired"]);
        }
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        var today = CityDate.Today(clock);
        (report.State, report.ConcludedOn, report.Conclusion, report.PublicConclusion) = (ReportState.Concluded, today, conclusion, wording);
        report.StaffId = teacher?.StaffId ?? report.StaffId;
        report.Revision++;
        if (conclusion == ReportConclusion.Upheld && teacher is not null)
        {
            // Upheld: the teacher's ethics record takes a bar (一票否决), in the same save as the conclusion.
            db.EthicsBars.Add(bars.New(teacher.StaffId, teacher.SchoolId, EthicsBarReason.UpheldReport, report.Number, today, clock.GetUtcNow(), Actor));
        }
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(report.Number);
    }

    /// <summary>A file of a case the caller handles, to open (each opening audited), or null.</summary>
    public async Task<(ReportFile Row, Stream Content)?> OpenFileAsync(long fileId, AuditTrail audit, CancellationToken ct)
    {
        var row = await db.ReportFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (row is null || await files.OpenAsync(row.Hash, ct) is not { } content)
        {
            return null;
        }
        await audit.RecordAsync("teachers.report-file.read", nameof(ReportFile), row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), row.OrgUnitId, ct: ct);
        return (row, content);
    }

    public static bool IsOverdue(ReportCase r, DateOnly today) => NextDue(r) is { } due && due < today;

    private static DateOnly? NextDue(ReportCase r) => r.State switch
    {
        ReportState.Received => r.AcknowledgeBy,
        ReportState.Acknowledged => r.InvestigateBy,
        ReportState.Investigating => r.ConcludeBy,
        _ => null,
    };

    private string Actor => access.Current.ActorName ?? access.Current.ActorId ?? "?";

    private async Task<Outcome<string>> StepAsync(string? number, ReportState from, Func<ReportCase, DateOnly, string?> apply, CancellationToken ct)
    {
        var report = await TrackedAsync(number, ct);
        if (report is null)
        {
            return Outcome<string>.NotFound(t["Report.NotFound"]);
        }
        if (report.State != from)
        {
            return Outcome<string>.Conflict(t[$"Report.Not{from}"]);
        }
        apply(report, CityDate.Today(clock));
        report.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<string>.Conflict(t[$"Report.Not{from}"]);
        }
        return Outcome<string>.Ok(report.Number);
    }

    private async Task<ReportCase?> TrackedAsync(string? number, CancellationToken ct)
    {
        var wanted = ReportNumbers.Normalise(number);
        return wanted is null ? null : await db.Reports.SingleOrDefaultAsync(r => r.Number == wanted, ct);
    }
}
