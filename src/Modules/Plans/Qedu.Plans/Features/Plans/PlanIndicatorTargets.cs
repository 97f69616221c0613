using Microsoft.EntityFrameworkCore;
using Qedu.Indicators.Contracts;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Plans.Tasks;

namespace Qedu.Plans.Features.Plans;

/// <summary>
/// The targets of published plans that are bound to indicators, for the dashboards: which unit they measure, the goal,
/// and the task they belong to. Scope-filtered through the plans the caller may read.
/// </summary>
internal sealed class PlanIndicatorTargets(PlansDb db, PlanQueries plans) : IIndicatorTargets
{
    public async Task<IReadOnlyList<BoundTarget>> BoundAsync(IReadOnlyCollection<int>? orgUnitIds, CancellationToken ct = default)
    {
        var all = orgUnitIds is null;
        var ids = orgUnitIds?.ToList() ?? [];
        var rows = await (
                from x in db.Targets.AsNoTracking()
                join t in db.Tasks.AsNoTracking() on x.TaskId equals t.Id
                join p in db.Plans.AsNoTracking() on t.PlanId equals p.Id
                where x.IndicatorCode != null && p.State == PlanState.Active
                      && (all || ids.Contains(x.IndicatorOrgUnitId ?? x.OrgUnitId))
                select new { x.Id, x.IndicatorCode, Unit = x.IndicatorOrgUnitId ?? x.OrgUnitId, x.Year, x.Comparator, x.Value, PlanId = p.Id, PlanTitle = p.Title, TaskId = t.Id, t.Number, t.Title })
            .ToListAsync(ct);
        return [.. rows.Select(r => new BoundTarget(r.Id, r.IndicatorCode!, r.Unit, r.Year, r.Comparator, r.Value, r.PlanId, r.PlanTitle, r.TaskId, r.Number, r.Title))];
    }

    public async Task<IReadOnlyList<PlanProgress>> ProgressAsync(CancellationToken ct = default) =>
        [.. (await plans.ListAsync(ct)).Where(p => p.State == nameof(PlanState.Active)).Select(p => new PlanProgress(
            p.Id, p.Title, p.OwnerName, p.Tasks,
            p.ByStatus.GetValueOrDefault(SupervisionStatus.Done), p.ByStatus.GetValueOrDefault(SupervisionStatus.OnTrack),
            p.ByStatus.GetValueOrDefault(SupervisionStatus.NotStarted), p.ByStatus.GetValueOrDefault(SupervisionStatus.AtRisk),
            p.ByStatus.GetValueOrDefault(SupervisionStatus.Overdue)))];
}
