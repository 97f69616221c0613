using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;

namespace Qedu.Plans.Tasks;

/// <summary>A unit a task is assigned to, with groups ("各区市教育局") expanded to their members.</summary>
public sealed record AssignedUnit(int Id, string Code, string Name, OrgUnitKind Kind, bool IsLead);

/// <summary>One task as the supervision use cases see it: the task, its plan, its units, and who the caller is to it.</summary>
internal sealed record TaskContext(
    PlanTask Task, Plan Plan, IReadOnlyList<AssignedUnit> Units, bool Manages, OrgUnit? MyUnit, AssignedUnit? Me, bool Visible)
{
    public bool Active => Plan.State == PlanState.Active;
}

/// <summary>
/// Who may see and act on a task. The plan's rows belong to its bureau, so the scope filter shows a task to everyone in
/// that bureau's scope. A unit named on a task is also shown it when the bureau is outside its scope (a district bureau
/// assigned a city task: its admin's scope is the district): naming the unit is the assignment, so the task is read
/// without the scope filter but only after checking, from the task's own unit rows, that the caller's unit is on it.
/// The supervision rows a unit writes (reports, replies, fixes) belong to that unit, so the write guard lets it write
/// them and the bureau above still sees them.
/// </summary>
internal sealed class TaskAccess(PlansDb db, OrgTree tree, PlanOwners owners)
{
    public async Task<TaskContext?> LoadAsync(long taskId, bool tracked = false, CancellationToken ct = default)
    {
        var tasks = tracked ? db.Tasks.IgnoreQueryFilters([ScopeFilter.Name]) : db.Tasks.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking();
        var task = await tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return null;
        }
        var plan = await db.Plans.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstAsync(p => p.Id == task.PlanId, ct);
        var inScope = await db.Tasks.AnyAsync(t => t.Id == taskId, ct);
        var manages = inScope && await owners.ManagesAsync(plan.OrgUnitId, ct);
        var units = await UnitsAsync([task.Id], ct);
        var mine = await owners.ReportingUnitAsync(ct);
        var me = mine is null ? null : units[task.Id].Where(u => u.Id == mine.Id).OrderByDescending(u => u.IsLead).FirstOrDefault();
        var visible = plan.State == PlanState.Draft
            ? manages
            : inScope || me is not null;
        return new TaskContext(task, plan, [.. units[task.Id]], manages, mine, me, visible);
    }

    /// <summary>The units of each task, groups expanded to the bureau's units of the group's kind (lead first).</summary>
    public async Task<ILookup<long, AssignedUnit>> UnitsAsync(IReadOnlyCollection<long> taskIds, CancellationToken ct = default)
    {
        var rows = new List<TaskUnit>();
        foreach (var chunk in taskIds.Chunk(2000))
        {
            rows.AddRange(await db.TaskUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(u => chunk.Contains(u.TaskId)).OrderBy(u => u.SortOrder).ToListAsync(ct));
        }
        var ids = rows.Where(r => r.UnitId is not null).Select(r => r.UnitId!.Value).Distinct().ToList();
        var kinds = rows.Where(r => r.IsGroup && r.GroupKind is not null).Select(r => r.GroupKind!.Value).Distinct().ToList();
        // A unit row belongs to its plan's bureau, so a group's members are that bureau's children of the group's kind.
        var bureaus = rows.Where(r => r.IsGroup).Select(r => (int?)r.OrgUnitId).Distinct().ToList();
        // Unit names and codes are not scoped data: a district admin may see which departments share its task.
        var orgUnits = (await tree.UnitsOfAsync(ids, ct)).Values
            .Concat(await tree.ChildrenPastScopeAsync([.. bureaus.OfType<int>()], kinds, ct))
            .DistinctBy(u => u.Id)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        var byId = orgUnits.ToDictionary(u => u.Id);
        var result = new List<(long TaskId, AssignedUnit Unit)>();
        foreach (var group in rows.GroupBy(r => r.TaskId))
        {
            var seen = new HashSet<int>();
            foreach (var row in group.OrderBy(r => r.Role).ThenBy(r => r.SortOrder))
            {
                var members = row.UnitId is { } id && byId.TryGetValue(id, out var unit) ? [unit]
                    : row.IsGroup && row.GroupKind is { } kind ? orgUnits.Where(u => u.ParentId == row.OrgUnitId && u.Kind == kind)
                    : [];
                foreach (var m in members.Where(m => seen.Add(m.Id)))
                {
                    result.Add((group.Key, new AssignedUnit(m.Id, m.Code, m.Name, m.Kind, row.Role == UnitRole.Lead)));
                }
            }
        }
        return result.ToLookup(r => r.TaskId, r => r.Unit);
    }
}
