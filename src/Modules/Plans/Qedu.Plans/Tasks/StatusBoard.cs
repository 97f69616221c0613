using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;

namespace Qedu.Plans.Tasks;

/// <summary>
/// Computes the status of many tasks at once (<see cref="TaskStatusRules"/>): two queries for any number of tasks, their
/// open milestones and their last reports, so a plan tree or a bureau-wide overdue list costs the same few round trips.
/// </summary>
internal sealed class StatusBoard(PlansDb db, TimeProvider clock)
{
    /// <summary>Today in China Standard Time: deadlines are local calendar days.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));

    public sealed record Facts(IReadOnlyList<DateOnly> OpenMilestoneDues, DateTimeOffset? LastReportAt);

    /// <summary>
    /// The facts for tasks the caller may see. Read past the scope filter: a unit named on a city task (see TaskAccess)
    /// must get the task's true status, which depends on every unit's reports, not only the ones in its scope.
    /// </summary>
    public async Task<Dictionary<long, Facts>> FactsAsync(IReadOnlyCollection<long> taskIds, CancellationToken ct = default)
    {
        // Chunks keep the IN list within what both databases take comfortably.
        var milestones = new List<(long TaskId, DateOnly DueOn)>();
        var reports = new List<(long TaskId, DateTimeOffset At)>();
        foreach (var chunk in taskIds.Chunk(2000))
        {
            milestones.AddRange((await db.Milestones.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Where(m => chunk.Contains(m.TaskId) && m.AcceptedAt == null)
                .Select(m => new { m.TaskId, m.DueOn }).ToListAsync(ct)).Select(m => (m.TaskId, m.DueOn)));
            // Latest report per task, computed on the client: SQLite cannot take Max over DateTimeOffset.
            reports.AddRange((await db.Reports.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Where(r => chunk.Contains(r.TaskId))
                .Select(r => new { r.TaskId, r.ReportedAt }).ToListAsync(ct)).Select(r => (r.TaskId, r.ReportedAt)));
        }
        var dues = milestones.ToLookup(m => m.TaskId, m => m.DueOn);
        var last = reports.GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.Max(r => r.At));
        return taskIds.Distinct().ToDictionary(id => id, id => new Facts([.. dues[id]], last.TryGetValue(id, out var at) ? at : null));
    }

    public SupervisionStatus StatusOf(PlanTask task, Facts facts) =>
        TaskStatusRules.ForTask(Today, task.AcceptedAt is not null, task.DueOn, facts.OpenMilestoneDues, facts.LastReportAt);
}
