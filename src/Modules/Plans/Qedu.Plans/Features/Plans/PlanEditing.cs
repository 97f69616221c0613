using Qedu.Kernel.OrgUnits;
using Qedu.Indicators.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.PlanDocuments;
using Qedu.Plans.Resources;
using Qedu.Plans.Tasks;

namespace Qedu.Plans.Features.Plans;

/// <summary>The plan header as a reviewer corrects it.</summary>
internal sealed class PlanHeaderInput
{
    public string? Title { get; set; }
    public string? DocumentNumber { get; set; }
    public string? IssuedOn { get; set; }
    public string? Issuer { get; set; }
}

internal sealed class MilestoneInput
{
    public int? Year { get; set; }
    public string? Text { get; set; }
}

internal sealed class TargetInput
{
    /// <summary>The target being changed; empty for a new one. Reported figures stay with a target that keeps its id.</summary>
    public long? Id { get; set; }
    public string? Text { get; set; }
    public decimal? Value { get; set; }
    public string? Unit { get; set; }
    public string? Comparator { get; set; }
    public int? Year { get; set; }

    /// <summary>The indicator that measures the target (code from the catalogue), or empty for none.</summary>
    public string? IndicatorCode { get; set; }

    /// <summary>Whose value counts: an org unit code within the plan's bureau; empty for the bureau itself.</summary>
    public string? IndicatorOrg { get; set; }
}

/// <summary>A task as a reviewer corrects it: every field the importer filled in.</summary>
internal sealed class TaskInput
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Deadline { get; set; }
    public List<string> LeadUnits { get; set; } = [];
    public List<string> ParticipatingUnits { get; set; } = [];
    public List<MilestoneInput> Milestones { get; set; } = [];
    public List<TargetInput> Targets { get; set; } = [];
    public string? Policies { get; set; }
    public string? Measures { get; set; }
    public string? ExpectedEffects { get; set; }
}

/// <summary>
/// The plan owner's changes: correcting what the importer read (header, any field of a task), mapping a printed unit
/// name once for all plans of the bureau, publishing a reviewed draft, deleting a draft.
/// </summary>
internal sealed class PlanEditing(PlansDb db, OrgTree tree, PlanOwners owners, PlanUnits units, ICurrentAccess access, TimeProvider clock, IStringLocalizer<PlansText> t, IIndicatorValues indicators)
{
    public async Task<Outcome<bool>> UpdateHeaderAsync(long planId, PlanHeaderInput input, CancellationToken ct = default)
    {
        var plan = await ManagedPlanAsync(planId, ct);
        if (plan is null)
        {
            return Outcome<bool>.NotFound(t["Plan.NotFound"]);
        }
        var errors = new InputErrors();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", t["Field.Required"]);
        }
        else if (title.Length > 300)
        {
            errors.Add("title", string.Format(t["Field.TooLong"], 300));
        }
        var date = input.IssuedOn?.Trim();
        if (!string.IsNullOrEmpty(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out _))
        {
            errors.Add("issuedOn", t["Field.Date"]);
        }
        if (input.DocumentNumber?.Trim().Length > 64)
        {
            errors.Add("documentNumber", string.Format(t["Field.TooLong"], 64));
        }
        if (errors.Any)
        {
            return Outcome<bool>.Invalid(errors);
        }
        plan.Title = title!;
        plan.DocumentNumber = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : input.DocumentNumber.Trim();
        plan.IssuedOn = string.IsNullOrEmpty(date) ? null : date;
        plan.Issuer = PlanImport.Clip(input.Issuer?.Trim() ?? plan.Issuer, 300);
        plan.Revision++;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> UpdateTaskAsync(long taskId, TaskInput input, CancellationToken ct = default)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(x => x.Id == taskId, ct);
        var plan = task is null ? null : await ManagedPlanAsync(task.PlanId, ct);
        if (task is null || plan is null)
        {
            return Outcome<bool>.NotFound(t["Task.NotFound"]);
        }
        var errors = Check(input);
        var existingTargets = await db.Targets.Where(x => x.TaskId == taskId).ToListAsync(ct);
        var indicatorUnits = new Dictionary<int, int?>();
        for (int i = 0; i < input.Targets.Count; i++)
        {
            var x = input.Targets[i];
            if (x.Id is { } id && existingTargets.All(e => e.Id != id))
            {
                errors.Add($"targets[{i}].id", t["Task.UnknownTarget"]);
            }
            if (string.IsNullOrWhiteSpace(x.Text) || string.IsNullOrWhiteSpace(x.IndicatorCode))
            {
                continue;
            }
            if (indicators.Find(x.IndicatorCode.Trim()) is null)
            {
                errors.Add($"targets[{i}].indicatorCode", string.Format(t["Task.UnknownIndicator"], x.IndicatorCode.Trim()));
            }
            if (!string.IsNullOrWhiteSpace(x.IndicatorOrg))
            {
                // The unit must lie within the plan's bureau: a city plan may measure a district, not another city.
                var code = x.IndicatorOrg.Trim();
                var unit = await tree.FindUnderPastScopeAsync(plan.OrgUnitId, code, ct);
                if (unit is null)
                {
                    errors.Add($"targets[{i}].indicatorOrg", string.Format(t["Task.IndicatorOrg"], code));
                }
                indicatorUnits[i] = unit;
            }
        }
        if (errors.Any)
        {
            return Outcome<bool>.Invalid(errors);
        }

        var deadline = DeadlineParser.Parse(input.Deadline);
        task.Number = input.Number!.Trim();
        task.Title = input.Title!.Trim();
        task.Text = input.Text?.Trim() ?? "";
        task.DeadlineText = string.IsNullOrWhiteSpace(input.Deadline) ? null : input.Deadline.Trim();
        task.DueOn = TaskStatusRules.LastDay(deadline?.Date);
        task.Policies = Lines(input.Policies);
        task.Measures = Lines(input.Measures);
        task.ExpectedEffects = Lines(input.ExpectedEffects);
        task.Revision++;

        var resolver = await units.ResolverAsync(plan.OrgUnitId, ct);
        db.TaskUnits.RemoveRange(await db.TaskUnits.Where(u => u.TaskId == taskId).ToListAsync(ct));
        db.TaskUnits.AddRange(resolver.Assign(plan.OrgUnitId,
            Names(input.LeadUnits).Select(n => (n, UnitRole.Lead)).Concat(Names(input.ParticipatingUnits).Select(n => (n, UnitRole.Participating))))
            .Select(u => { u.TaskId = taskId; return u; }));

        // Milestones keep their acceptance when the same year and text come back.
        var oldMilestones = await db.Milestones.Where(m => m.TaskId == taskId).ToListAsync(ct);
        var keep = new HashSet<long>();
        int order = 0;
        foreach (var m in input.Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Text)))
        {
            var text = m.Text!.Trim();
            var same = oldMilestones.FirstOrDefault(o => o.Year == m.Year && o.Text == text && !keep.Contains(o.Id));
            if (same is not null)
            {
                keep.Add(same.Id);
                same.SortOrder = order++;
                continue;
            }
            db.Milestones.Add(new TaskMilestone
            {
                OrgUnitId = plan.OrgUnitId, TaskId = taskId, Year = m.Year!.Value, Text = text,
                DueOn = new DateOnly(m.Year!.Value, 12, 31), SortOrder = order++,
            });
        }
        db.Milestones.RemoveRange(oldMilestones.Where(o => !keep.Contains(o.Id)));

        order = 0;
        var kept = new HashSet<long>();
        foreach (var (x, index) in input.Targets.Select((x, i) => (x, i)).Where(p => !string.IsNullOrWhiteSpace(p.x.Text)))
        {
            var row = x.Id is { } id ? existingTargets.First(e => e.Id == id) : null;
            if (row is null)
            {
                row = new TaskTarget { OrgUnitId = plan.OrgUnitId, TaskId = taskId, Text = "" };
                db.Targets.Add(row);
            }
            else
            {
                kept.Add(row.Id);
            }
            row.Text = x.Text!.Trim();
            row.Value = x.Value!.Value;
            row.Unit = x.Unit?.Trim() ?? "";
            row.Comparator = x.Comparator ?? ">=";
            row.Year = x.Year;
            row.IndicatorCode = string.IsNullOrWhiteSpace(x.IndicatorCode) ? null : x.IndicatorCode.Trim();
            row.IndicatorOrgUnitId = row.IndicatorCode is null ? null : indicatorUnits.GetValueOrDefault(index);
            row.SortOrder = order++;
        }
        db.Targets.RemoveRange(existingTargets.Where(e => !kept.Contains(e.Id)));
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    private InputErrors Check(TaskInput input)
    {
        var errors = new InputErrors();
        Required(errors, "number", input.Number, 32);
        Required(errors, "title", input.Title, 500);
        if (input.Deadline?.Trim().Length > 100)
        {
            errors.Add("deadline", string.Format(t["Field.TooLong"], 100));
        }
        foreach (var (name, i) in input.LeadUnits.Concat(input.ParticipatingUnits).Select((n, i) => (n, i)))
        {
            if (name?.Trim().Length > 100)
            {
                errors.Add("units", string.Format(t["Field.TooLong"], 100));
            }
        }
        for (int i = 0; i < input.Milestones.Count; i++)
        {
            var m = input.Milestones[i];
            if (string.IsNullOrWhiteSpace(m.Text))
            {
                continue;
            }
            if (m.Year is not (>= 1990 and <= 2100))
            {
                errors.Add($"milestones[{i}].year", t["Task.MilestoneYear"]);
            }
        }
        for (int i = 0; i < input.Targets.Count; i++)
        {
            var x = input.Targets[i];
            if (string.IsNullOrWhiteSpace(x.Text))
            {
                continue;
            }
            if (x.Value is null)
            {
                errors.Add($"targets[{i}].value", t["Field.Required"]);
            }
            if (x.Comparator is not (null or ">=" or "<=" or "="))
            {
                errors.Add($"targets[{i}].comparator", t["Task.Comparator"]);
            }
            if (x.Year is not (null or (>= 1990 and <= 2100)))
            {
                errors.Add($"targets[{i}].year", t["Task.MilestoneYear"]);
            }
            if (x.Unit?.Trim().Length > 16)
            {
                errors.Add($"targets[{i}].unit", string.Format(t["Field.TooLong"], 16));
            }
        }
        return errors;
    }

    private void Required(InputErrors errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, t["Field.Required"]);
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(field, string.Format(t["Field.TooLong"], max));
        }
    }

    /// <summary>
    /// Maps a printed unit name for the bureau, remembered for its later imports, and re-points every task of its plans
    /// that printed that name. <paramref name="unitId"/> null keeps the name as a body outside the education system.
    /// </summary>
    public async Task<Outcome<int>> MapUnitAsync(long planId, string? printedName, int? unitId, CancellationToken ct = default)
    {
        var plan = await ManagedPlanAsync(planId, ct);
        if (plan is null)
        {
            return Outcome<int>.NotFound(t["Plan.NotFound"]);
        }
        var printed = printedName?.Trim();
        if (string.IsNullOrEmpty(printed) || printed.Length > 100)
        {
            return Outcome<int>.Invalid(new InputErrors().Add("printedName", t["Field.Required"]));
        }
        var assignable = await units.AssignableAsync(plan.OrgUnitId, ct);
        var target = unitId is { } id ? assignable.FirstOrDefault(u => u.Id == id) : null;
        if (unitId is not null && target is null)
        {
            return Outcome<int>.Invalid(new InputErrors().Add("unitId", t["Map.UnknownUnit"]));
        }
        var key = UnitMatcher.Key(printed);
        var mapping = await db.UnitMappings.FirstOrDefaultAsync(m => m.OrgUnitId == plan.OrgUnitId && m.PrintedKey == key, ct);
        if (mapping is null)
        {
            mapping = new UnitMapping { OrgUnitId = plan.OrgUnitId, PrintedKey = key, PrintedName = printed, Name = "" };
            db.UnitMappings.Add(mapping);
        }
        mapping.Name = target?.Name ?? printed;
        mapping.UnitId = target?.Id;

        var rows = await db.TaskUnits.Where(u => u.OrgUnitId == plan.OrgUnitId && u.PrintedName == printed).ToListAsync(ct);
        foreach (var row in rows)
        {
            row.Name = mapping.Name;
            row.UnitId = target?.Id;
            row.Matched = true;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(rows.Count);
    }

    public async Task<Outcome<bool>> PublishAsync(long planId, CancellationToken ct = default)
    {
        var plan = await ManagedPlanAsync(planId, ct);
        if (plan is null)
        {
            return Outcome<bool>.NotFound(t["Plan.NotFound"]);
        }
        if (plan.State != PlanState.Draft)
        {
            return Outcome<bool>.Conflict("state", t["Plan.NotDraft"]);
        }
        plan.State = PlanState.Active;
        plan.PublishedAt = clock.GetUtcNow();
        plan.PublishedBy = access.Current.ActorName;
        plan.Revision++;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> DeleteDraftAsync(long planId, CancellationToken ct = default)
    {
        var plan = await ManagedPlanAsync(planId, ct);
        if (plan is null)
        {
            return Outcome<bool>.NotFound(t["Plan.NotFound"]);
        }
        if (plan.State != PlanState.Draft)
        {
            return Outcome<bool>.Conflict("state", t["Plan.NotDraft"]);
        }
        // Children go with the plan (cascading keys); removing the root keeps the audit log to one line per row it names.
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The plan when it exists for the caller and the caller manages its bureau.</summary>
    private async Task<Plan?> ManagedPlanAsync(long planId, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        return plan is not null && await owners.ManagesAsync(plan.OrgUnitId, ct) ? plan : null;
    }

    private static IEnumerable<string> Names(IEnumerable<string> names) =>
        names.SelectMany(n => (n ?? "").Split(['\n', '、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Lines(string? text) =>
        string.Join('\n', (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
