using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.OrgUnits;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Plans.Tasks;
using Qedu.Rectifications.Contracts;

namespace Qedu.Plans.Features.Supervision;

/// <summary>
/// The supervision views: a unit's own tasks and reminders (<see cref="MineAsync"/>), and for plan owners the workload
/// per unit and the overdue list of the plans they manage. Status always comes from <see cref="TaskStatusRules"/>.
/// </summary>
internal sealed class SupervisionQueries(PlansDb db, TaskAccess access, PlanOwners owners, StatusBoard board, ICurrentAccess current, AuditTrail audit,
    IRectifications rectifications)
{
    /// <summary>
    /// The caller's unit with its tasks on active plans and its reminders; null when the caller reports for no unit.
    /// A task counts when it names the unit, or a group of the unit's kind under the unit's parent bureau
    /// ("各区市教育局" for a district bureau). These are read past the scope filter (see <see cref="TaskAccess"/>):
    /// a district admin's scope is the district, but a city task that names the district is theirs.
    /// </summary>
    public async Task<MyTasks?> MineAsync(int days = TaskStatusRules.RiskWindowDays, CancellationToken ct = default)
    {
        var unit = await owners.ReportingUnitAsync(ct);
        if (unit is null)
        {
            return null;
        }
        var lines = await UnitLinesAsync(unit, ct);
        var reminders = await RemindersAsync(lines, unit.Id, days, ct);
        return new MyTasks(unit.Id, unit.Code, unit.Name, lines, reminders);
    }

    /// <summary>The tasks on active plans that name <paramref name="unit"/> (directly or by its group).</summary>
    private async Task<List<TaskLine>> UnitLinesAsync(OrgUnit unit, CancellationToken ct)
    {
        var taskIds = await db.TaskUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(u => u.UnitId == unit.Id || (u.IsGroup && u.GroupKind == unit.Kind && u.OrgUnitId == unit.ParentId))
            .Select(u => u.TaskId).Distinct().ToListAsync(ct);
        var tasks = new List<PlanTask>();
        foreach (var chunk in taskIds.Chunk(2000))
        {
            tasks.AddRange(await db.Tasks.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(t => chunk.Contains(t.Id)).ToListAsync(ct));
        }
        var planIds = tasks.Select(t => t.PlanId).Distinct().ToList();
        var plans = await db.Plans.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(p => planIds.Contains(p.Id) && p.State == PlanState.Active).ToDictionaryAsync(p => p.Id, ct);
        return await LinesAsync([.. tasks.Where(t => plans.ContainsKey(t.PlanId))], plans, ct);
    }

    /// <summary>The tasks of the active plans the caller manages (all of them for the system).</summary>
    public async Task<List<TaskLine>> OwnedLinesAsync(CancellationToken ct = default)
    {
        var plans = new Dictionary<long, Plan>();
        foreach (var plan in await db.Plans.AsNoTracking().Where(p => p.State == PlanState.Active).ToListAsync(ct))
        {
            if (await owners.ManagesAsync(plan.OrgUnitId, ct))
            {
                plans[plan.Id] = plan;
            }
        }
        var ids = plans.Keys.ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.PlanId)).ToListAsync(ct);
        return await LinesAsync(tasks, plans, ct);
    }

    /// <summary>Every unit of the owned plans with its task counts by status.</summary>
    public async Task<IReadOnlyList<WorkloadRow>> WorkloadAsync(CancellationToken ct = default) => Workload(await OwnedLinesAsync(ct));

    public static IReadOnlyList<WorkloadRow> Workload(IReadOnlyList<TaskLine> lines) =>
        [.. lines
            .SelectMany(l => l.Units.Select(u => (Unit: u, l.Status)))
            .GroupBy(x => x.Unit.Id)
            .Select(g => new WorkloadRow(g.Key, g.First().Unit.Code, g.First().Unit.Name,
                g.GroupBy(x => x.Status).ToDictionary(s => s.Key, s => s.Count())))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal)];

    /// <summary>The overdue tasks and milestones of the owned plans, longest overdue first.</summary>
    public async Task<IReadOnlyList<OverdueLine>> OverdueAsync(CancellationToken ct = default)
    {
        var today = board.Today;
        var lines = await OwnedLinesAsync(ct);
        var result = new List<OverdueLine>();
        foreach (var line in lines.Where(l => l.Status == SupervisionStatus.Overdue))
        {
            if (line.DueOn is { } due && due < today)
            {
                result.Add(new OverdueLine(line.Id, line.PlanId, line.PlanTitle, line.Number, line.Title, null, null, due, today.DayNumber - due.DayNumber, line.Units));
            }
            foreach (var m in line.Milestones.Where(m => m.Status == SupervisionStatus.Overdue))
            {
                result.Add(new OverdueLine(line.Id, line.PlanId, line.PlanTitle, line.Number, line.Title, m.Id, m.Text, m.DueOn, today.DayNumber - m.DueOn.DayNumber, line.Units));
            }
        }
        return [.. result.OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.TaskId)];
    }

    /// <summary>
    /// Reminders for the caller: their unit's when they report for one; otherwise (an owner, the system) every unit's on
    /// the plans they manage. Items due within <paramref name="days"/> days or already late.
    /// </summary>
    public async Task<IReadOnlyList<Reminder>> RemindersAsync(int days = TaskStatusRules.RiskWindowDays, CancellationToken ct = default)
    {
        var unit = current.Current.IsSystem ? null : await owners.ReportingUnitAsync(ct);
        if (unit is not null)
        {
            return await RemindersAsync(await UnitLinesAsync(unit, ct), unit.Id, days, ct);
        }
        return await RemindersAsync(await OwnedLinesAsync(ct), null, days, ct);
    }

    /// <summary>Reminders over <paramref name="lines"/>, for one unit or (null) for each unit of each task.</summary>
    private async Task<List<Reminder>> RemindersAsync(IReadOnlyList<TaskLine> lines, int? unitId, int days, CancellationToken ct)
    {
        var today = board.Today;
        var horizon = today.AddDays(days);
        var result = new List<Reminder>();
        IEnumerable<AssignedUnit> UnitsOf(TaskLine line) => line.Units.Where(u => unitId is null || u.Id == unitId);
        foreach (var line in lines.Where(l => l.Status != SupervisionStatus.Done))
        {
            foreach (var u in UnitsOf(line))
            {
                if (line.DueOn is { } due && due <= horizon)
                {
                    result.Add(new Reminder(ReminderKind.Task, u.Id, u.Code, u.Name, line.Id, line.Number, line.Title, line.DeadlineText ?? "", due, due.DayNumber - today.DayNumber));
                }
                foreach (var m in line.Milestones.Where(m => m.Status != SupervisionStatus.Done && m.DueOn <= horizon))
                {
                    result.Add(new Reminder(ReminderKind.Milestone, u.Id, u.Code, u.Name, line.Id, line.Number, line.Title, $"{m.Year}: {m.Text}", m.DueOn, m.DueOn.DayNumber - today.DayNumber));
                }
            }
        }
        // Notices and rectifications belong to the unit they address; read past the scope filter only for the tasks above.
        var byId = lines.ToDictionary(l => l.Id);
        var ids = byId.Keys.ToList();
        var notices = new List<SupervisionNotice>();
        foreach (var chunk in ids.Chunk(2000))
        {
            notices.AddRange(await db.Notices.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Where(n => chunk.Contains(n.TaskId) && n.RepliedAt == null && (unitId == null || n.ToUnitId == unitId)).ToListAsync(ct));
        }
        var items = await rectifications.OpenOfSourcesAsync(PlanRectifications.Kind, ids, unitId, ct);
        foreach (var n in notices)
        {
            var line = byId[n.TaskId];
            var u = line.Units.FirstOrDefault(x => x.Id == n.ToUnitId);
            result.Add(new Reminder(ReminderKind.Notice, n.ToUnitId, u?.Code ?? "", u?.Name ?? "", line.Id, line.Number, line.Title, n.Text, n.ReplyBy, n.ReplyBy.DayNumber - today.DayNumber));
        }
        foreach (var r in items)
        {
            var line = byId[r.SourceId];
            var u = line.Units.FirstOrDefault(x => x.Id == r.ResponsibleUnitId);
            result.Add(new Reminder(ReminderKind.Rectification, r.ResponsibleUnitId, u?.Code ?? "", u?.Name ?? "", line.Id, line.Number, line.Title, r.Finding, r.DueOn, r.DueOn.DayNumber - today.DayNumber));
        }
        return [.. result.OrderBy(r => r.DueOn).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.TaskId)];
    }

    /// <summary>Status, units and milestones of the given tasks (already restricted to what the caller may see).</summary>
    private async Task<List<TaskLine>> LinesAsync(List<PlanTask> tasks, Dictionary<long, Plan> plans, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var milestones = new List<TaskMilestone>();
        var reports = new List<(long TaskId, long? MilestoneId, DateTimeOffset At)>();
        foreach (var chunk in ids.Chunk(2000))
        {
            milestones.AddRange(await db.Milestones.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(m => chunk.Contains(m.TaskId)).ToListAsync(ct));
            // Only the dates: whether a task was reported on is part of its status, whoever reported.
            reports.AddRange((await db.Reports.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(r => chunk.Contains(r.TaskId))
                .Select(r => new { r.TaskId, r.MilestoneId, r.ReportedAt }).ToListAsync(ct)).Select(r => (r.TaskId, r.MilestoneId, r.ReportedAt)));
        }
        var units = await access.UnitsAsync(ids, ct);
        var byTask = milestones.ToLookup(m => m.TaskId);
        var lastByTask = reports.GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.Max(r => r.At));
        var lastByMilestone = reports.Where(r => r.MilestoneId is not null).GroupBy(r => r.MilestoneId!.Value).ToDictionary(g => g.Key, g => g.Max(r => r.At));
        var today = board.Today;
        return [.. tasks
            .OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder)
            .Select(t =>
            {
                DateTimeOffset? last = lastByTask.TryGetValue(t.Id, out var at) ? at : null;
                var ms = byTask[t.Id].OrderBy(m => m.Year).ThenBy(m => m.SortOrder).ToList();
                var status = TaskStatusRules.ForTask(today, t.AcceptedAt is not null, t.DueOn, ms.Where(m => m.AcceptedAt is null).Select(m => m.DueOn), last);
                return new TaskLine(t.Id, t.PlanId, plans[t.PlanId].Title, t.Number, t.Title, t.DeadlineText, t.DueOn, status, [.. units[t.Id]],
                    [.. ms.Select(m => new MilestoneLine(m.Id, m.Year, m.Text, m.DueOn,
                        TaskStatusRules.ForMilestone(today, m.AcceptedAt is not null, m.DueOn, lastByMilestone.TryGetValue(m.Id, out var mAt) ? mAt : last)))],
                    last);
            })];
    }

    /// <summary>An evidence file within the caller's scope, its download written to the audit log (evidence may name people).</summary>
    public async Task<Evidence?> EvidenceAsync(long id, CancellationToken ct = default)
    {
        var file = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (file is not null)
        {
            await audit.RecordAsync("plans.evidence.download", nameof(Evidence), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                file.OrgUnitId, file.FileName, ct: ct);
        }
        return file;
    }
}
