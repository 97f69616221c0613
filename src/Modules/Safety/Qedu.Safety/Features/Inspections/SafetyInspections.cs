using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Rectifications.Contracts;
using Qedu.Safety.Data;
using Qedu.Safety.Domain;
using Qedu.Safety.Resources;
using Qedu.Safety.Rules;

namespace Qedu.Safety.Features.Inspections;

/// <summary>A failed item as recorded: the item's code, what was seen, whether it is serious, and perhaps its own deadline.</summary>
internal sealed record FindingInput(string? Item, string? Note, bool Serious = false, DateOnly? DueOn = null);

/// <summary>
/// An inspection as recorded: the school's code, who checked (self, district, city), the day, the checklists covered
/// (none: every list), a summary, the failed items, and the sampling draw that chose the school, if any.
/// </summary>
internal sealed record InspectionInput(
    string? School, string? Kind, DateOnly? On, IReadOnlyList<string>? Checklists, string? Summary, IReadOnlyList<FindingInput>? Failed, long? DrawId = null);

/// <summary>
/// Records safety inspections. A school checks itself (safety.manage over it); its district or the city inspects it
/// (safety.inspect over the inspecting unit). Every failed item becomes a hazard: a rectification in the shared module,
/// due by the rules' deadline, fixed by the school with a photo, verified by whoever found it (and re-checked, 回头看, when
/// an inspection from above found it); a serious one goes to the city at once. The inspection and its hazards are one
/// transaction.
/// </summary>
internal sealed class SafetyInspections(
    SafetyDb db, SafetyAccess access, OrgTree orgTree, SafetyRules rules, IRectifications rectifications, TimeProvider clock, IStringLocalizer<SafetyText> t)
{
    public const int MaxNote = 2000;

    public async Task<Outcome<long>> RecordAsync(InspectionInput input, IReadOnlyDictionary<string, IReadOnlyList<RectificationUpload>>? photos = null, CancellationToken ct = default)
    {
        var school = await access.SchoolAsync(input.School, ct);
        if (school is null)
        {
            return Outcome<long>.NotFound(t["School.NotFound"]);
        }
        var errors = new InputErrors();
        if (!Enum.TryParse<InspectionKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", t["Inspection.Kind.Unknown"]);
            return Outcome<long>.Invalid(errors);
        }
        var inspector = kind switch
        {
            InspectionKind.Self => school,
            InspectionKind.District => await orgTree.NearestAboveAsync(school.Id, [OrgUnitKind.District], ct),
            _ => await orgTree.NearestAboveAsync(school.Id, [OrgUnitKind.City], ct),
        };
        var permission = kind == InspectionKind.Self ? Permissions.SafetyManage : Permissions.SafetyInspect;
        if (inspector is null || !await access.MayAsync(permission, inspector.Id, ct))
        {
            return Outcome<long>.Forbidden(t[kind == InspectionKind.Self ? "Inspection.NotYourSchool" : "Inspection.NotInspector"]);
        }
        var today = CityDate.Today(clock);
        if (input.On is not { } on)
        {
            errors.Add("on", t["Field.Required"]);
        }
        else if (on > today)
        {
            errors.Add("on", t["Field.DateFuture"]);
        }
        var lists = new List<Checklist>();
        foreach (var code in input.Checklists is { Count: > 0 } named ? named : rules.Checklists.Select(l => l.Code))
        {
            if (rules.List(code) is { } list)
            {
                lists.Add(list);
            }
            else
            {
                errors.Add("checklists", string.Format(t["Inspection.ListUnknown"], code));
            }
        }
        var summary = input.Summary?.Trim();
        if (summary?.Length > MaxNote)
        {
            errors.Add("summary", string.Format(t["Field.TooLong"], MaxNote));
        }
        var failed = new List<(ChecklistItem Item, Checklist List, string Note, bool Serious, DateOnly Due)>();
        var failures = input.Failed ?? [];
        for (var i = 0; i < failures.Count; i++)
        {
            var f = failures[i];
            var field = $"failed[{i}]";
            var found = rules.Item(f.Item);
            if (found is null || !lists.Contains(found.Value.List))
            {
                errors.Add($"{field}.item", string.Format(t["Inspection.ItemUnknown"], f.Item));
                continue;
            }
            if (failed.Any(x => x.Item.Code == found.Value.Item.Code))
            {
                errors.Add($"{field}.item", string.Format(t["Inspection.ItemTwice"], f.Item));
                continue;
            }
            var note = f.Note?.Trim();
            if (string.IsNullOrEmpty(note))
            {
                errors.Add($"{field}.note", t["Inspection.NoteRequired"]);
                continue;
            }
            if (note.Length > MaxNote)
            {
                errors.Add($"{field}.note", string.Format(t["Field.TooLong"], MaxNote));
                continue;
            }
            var serious = f.Serious || found.Value.Item.Serious;
            var due = f.DueOn ?? today.AddDays(serious ? rules.SeriousDueDays : rules.DueDays);
            if (due < today)
            {
                errors.Add($"{field}.dueOn", t["Field.DatePast"]);
                continue;
            }
            failed.Add((found.Value.Item, found.Value.List, note, serious, due));
        }
        if (input.DrawId is { } drawId && !await DrawnAsync(drawId, school.Code, ct))
        {
            errors.Add("drawId", t["Inspection.NotDrawn"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }

        var inspection = new Inspection
        {
            OrgUnitId = school.Id, Kind = kind, InspectorUnitId = inspector.Id, DrawId = input.DrawId, InspectedOn = input.On!.Value,
            Checklists = string.Join(',', lists.Select(l => l.Code)), Items = lists.Sum(l => l.Items.Count), Failed = failed.Count,
            Summary = string.IsNullOrEmpty(summary) ? null : summary, RecordedAt = clock.GetUtcNow(), RecordedBy = access.Caller.ActorName ?? "",
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        var transaction = tx.GetDbTransaction();
        foreach (var (item, list, note, serious, due) in failed)
        {
            var finding = new InspectionFinding
            {
                OrgUnitId = school.Id, InspectionId = inspection.Id, ItemCode = item.Code, ChecklistCode = list.Code, Note = note, Serious = serious,
            };
            db.Findings.Add(finding);
            await db.SaveChangesAsync(ct);
            var raised = await rectifications.RaiseAsync(transaction, new RectificationRequest
            {
                SourceKind = Hazards.Kind, SourceId = inspection.Id, SourceItemId = finding.Id,
                SourceTitle = $"{school.Name} · {t[$"Inspection.Kind.{kind}"]} {inspection.InspectedOn:yyyy-MM-dd} · {list.Name}",
                SourceUrl = $"/safety/inspections/{inspection.Id}", RaisedByUnitId = inspector.Id, ResponsibleUnitId = school.Id,
                Finding = $"【{item.Text}】{note}", DueOn = due, Serious = serious,
                RecheckOn = kind == InspectionKind.Self ? null : due.AddDays(rules.RecheckAfterDays),
                FixPermission = Permissions.SafetyManage, VerifyPermission = permission, FixNeedsEvidence = true,
                Photos = photos?.GetValueOrDefault(item.Code) ?? [],
            }, ct);
            if (!raised.IsOk)
            {
                // A photo the rectification module refused: nothing of the inspection stays.
                await tx.RollbackAsync(ct);
                var refusal = new InputErrors();
                foreach (var message in raised.Errors?.ByField.Values.SelectMany(v => v) ?? [])
                {
                    refusal.Add($"photos.{item.Code}", message);
                }
                return refusal.Any ? Outcome<long>.Invalid(refusal) : Outcome<long>.Conflict(raised.Message ?? "");
            }
            finding.RectificationId = raised.Value;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(inspection.Id);
    }

    /// <summary>One inspection with its findings and their hazards' state; null when the school is out of sight.</summary>
    public async Task<InspectionView?> InspectionAsync(long id, CancellationToken ct = default)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return null;
        }
        var findings = await db.Findings.AsNoTracking().Where(f => f.InspectionId == id).OrderBy(f => f.Id).ToListAsync(ct);
        var hazards = (await rectifications.ForSourcesAsync(Hazards.Kind, [id], ct)).ToDictionary(r => r.Id);
        var names = await orgTree.NamesOfAsync([inspection.OrgUnitId, inspection.InspectorUnitId], ct);
        return new InspectionView(inspection.Id, inspection.OrgUnitId, names.GetValueOrDefault(inspection.OrgUnitId, ""), inspection.Kind.ToString(),
            names.GetValueOrDefault(inspection.InspectorUnitId, ""), inspection.InspectedOn, inspection.Checklists.Split(',').Select(c => rules.List(c)?.Name ?? c).ToList(),
            inspection.Items, inspection.Failed, inspection.Summary, inspection.RecordedBy, inspection.DrawId,
            [.. findings.Select(f => new FindingView(f.ItemCode, rules.Item(f.ItemCode)?.Item.Text ?? f.ItemCode, f.Note, f.Serious, f.RectificationId,
                f.RectificationId is { } r && hazards.TryGetValue(r, out var h) ? h.State.ToString() : null,
                f.RectificationId is { } r2 && hazards.TryGetValue(r2, out var h2) && h2.Overdue))]);
    }

    private async Task<bool> DrawnAsync(long drawId, string schoolCode, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == drawId, ct);
        return draw is not null && draw.Schools.Split(',').Contains(schoolCode, StringComparer.Ordinal);
    }
}

internal sealed record InspectionView(
    long Id, int SchoolId, string School, string Kind, string Inspector, DateOnly On, IReadOnlyList<string> Checklists, int Items, int Failed,
    string? Summary, string RecordedBy, long? DrawId, IReadOnlyList<FindingView> Findings);

internal sealed record FindingView(string Item, string Text, string Note, bool Serious, long? RectificationId, string? State, bool Overdue);
