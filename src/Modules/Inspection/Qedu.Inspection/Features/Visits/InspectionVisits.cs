using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Qedu.Inspection.Data;
using Qedu.Inspection.Domain;
using Qedu.Inspection.Resources;
using Qedu.Inspection.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Rectifications.Contracts;

namespace Qedu.Inspection.Features.Visits;

internal sealed record FindingLine(string? Text, bool Serious = false, DateOnly? DueOn = null);

internal sealed record VisitInput(string? School, string? Kind, DateOnly? On, string? Topic, string? Report, IReadOnlyList<FindingLine>? Findings);

internal sealed record VisitView(long Id, string School, string Kind, DateOnly On, string Topic, string Report, string RecordedBy, IReadOnlyList<VisitFindingView> Findings);

internal sealed record VisitFindingView(string Text, bool Serious, long? RectificationId, string? State, bool Overdue);

/// <summary>
/// An inspector's visit to a school (safety.inspect's counterpart for 督导: inspection.visit over the district above the
/// school): the report, and each finding raised for the school to put right in the shared rectification module, in the
/// visit's transaction, with a 回头看 after its deadline.
/// </summary>
internal sealed class InspectionVisits(
    InspectionDb db, InspectionAccess access, OrgTree orgTree, InspectionRules rules, IRectifications rectifications, TimeProvider clock, IStringLocalizer<InspectionText> t)
{
    public const int MaxFindings = 10;

    public async Task<Outcome<long>> RecordAsync(VisitInput input, CancellationToken ct = default)
    {
        var school = await access.UnitAsync(input.School, OrgUnitKind.School);
        if (school is null)
        {
            return Outcome<long>.NotFound(t["Unit.NotFound"]);
        }
        var district = await access.InspectingBureauAsync(school, Permissions.InspectionVisit, ct);
        if (district is null)
        {
            return Outcome<long>.Forbidden(t["Visit.NotInspector"]);
        }
        var errors = new InputErrors();
        var today = CityDate.Today(clock);
        if (!Enum.TryParse<VisitKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", t["Visit.Kind.Unknown"]);
        }
        if (input.On is not { } on)
        {
            errors.Add("on", t["Field.Required"]);
        }
        else if (on > today)
        {
            errors.Add("on", t["Field.DateFuture"]);
        }
        var topic = errors.Text("topic", input.Topic, 200, t["Field.Required"], string.Format(t["Field.TooLong"], 200));
        var report = errors.Text("report", input.Report, 8000, t["Field.Required"], string.Format(t["Field.TooLong"], 8000));
        var findings = (input.Findings ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Text)).ToList();
        if (findings.Count > MaxFindings)
        {
            errors.Add("findings", string.Format(t["Visit.TooManyFindings"], MaxFindings));
        }
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Text!.Trim().Length > 2000)
            {
                errors.Add($"findings[{i}].text", string.Format(t["Field.TooLong"], 2000));
            }
            if (findings[i].DueOn < today)
            {
                errors.Add($"findings[{i}].dueOn", t["Field.DatePast"]);
            }
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var visit = new Visit
        {
            OrgUnitId = school.Id, InspectorUnitId = district.Id, Kind = kind, VisitedOn = input.On!.Value, Topic = topic!, Report = report!,
            Findings = findings.Count, RecordedAt = clock.GetUtcNow(), RecordedBy = access.Caller.ActorName ?? "",
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        foreach (var line in findings)
        {
            var finding = new VisitFinding { OrgUnitId = school.Id, VisitId = visit.Id, Text = line.Text!.Trim(), Serious = line.Serious };
            db.Findings.Add(finding);
            await db.SaveChangesAsync(ct);
            var due = line.DueOn ?? today.AddDays(rules.FindingDueDays);
            var raised = await rectifications.RaiseAsync(tx.GetDbTransaction(), new RectificationRequest
            {
                SourceKind = Findings.Kind, SourceId = visit.Id, SourceItemId = finding.Id,
                SourceTitle = $"{school.Name} · {t[$"Visit.Kind.{kind}"]} {visit.VisitedOn:yyyy-MM-dd} · {visit.Topic}", SourceUrl = $"/inspection/visits/{visit.Id}",
                RaisedByUnitId = district.Id, ResponsibleUnitId = school.Id, Finding = finding.Text, DueOn = due, Serious = line.Serious,
                RecheckOn = due.AddDays(rules.RecheckAfterDays), FixPermission = Permissions.InspectionRespond, VerifyPermission = Permissions.InspectionVisit,
            }, ct);
            if (!raised.IsOk)
            {
                await tx.RollbackAsync(ct);
                return Outcome<long>.Conflict(raised.Message ?? string.Join("；", raised.Errors?.ByField.Values.SelectMany(v => v) ?? []));
            }
            finding.RectificationId = raised.Value;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(visit.Id);
    }

    public async Task<VisitView?> VisitAsync(long id, CancellationToken ct = default)
    {
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return null;
        }
        var findings = await db.Findings.AsNoTracking().Where(f => f.VisitId == id).OrderBy(f => f.Id).ToListAsync(ct);
        var states = (await rectifications.ForSourcesAsync(Findings.Kind, [id], ct)).ToDictionary(r => r.Id);
        var names = await orgTree.NamesOfAsync([visit.OrgUnitId], ct);
        return new VisitView(visit.Id, names.GetValueOrDefault(visit.OrgUnitId, ""), visit.Kind.ToString(), visit.VisitedOn, visit.Topic, visit.Report, visit.RecordedBy,
            [.. findings.Select(f => new VisitFindingView(f.Text, f.Serious, f.RectificationId,
                f.RectificationId is { } r && states.TryGetValue(r, out var s) ? s.State.ToString() : null,
                f.RectificationId is { } r2 && states.TryGetValue(r2, out var s2) && s2.Overdue))]);
    }

    /// <summary>The latest visits in the caller's scope.</summary>
    public async Task<IReadOnlyList<VisitLine>> RecentAsync(CancellationToken ct = default)
    {
        var visits = await db.Visits.AsNoTracking().OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Take(50).ToListAsync(ct);
        var names = await orgTree.NamesOfAsync(visits.Select(v => v.OrgUnitId), ct);
        return [.. visits.Select(v => new VisitLine(v.Id, names.GetValueOrDefault(v.OrgUnitId, ""), v.Kind.ToString(), v.VisitedOn, v.Topic, v.Findings, v.RecordedBy))];
    }

}

internal sealed record VisitLine(long Id, string School, string Kind, DateOnly On, string Topic, int Findings, string RecordedBy);
