using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Indicators.Contracts;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Domain;

namespace Qedu.Indicators.Features.Overview;

/// <summary>A bound plan target with the indicator's latest value for the unit it measures.</summary>
internal sealed record MeasuredTarget(BoundTarget Target, IndicatorDefinition Indicator, string OrgCode, string OrgName, decimal? Value, string? Period, TargetStatus? Status, ResponseRate? Response = null);

/// <summary>A published plan's progress beside the indicators that measure its targets.</summary>
internal sealed record PlanOverview(PlanProgress Progress, IReadOnlyList<MeasuredTarget> Targets);

/// <summary>The leader's overview: every published plan the caller may see, and for each its measured targets.</summary>
internal sealed class OverviewQueries(IEnumerable<IIndicatorTargets> plans, IIndicatorValues values, IndicatorCatalog catalog, OrgTree tree)
{
    public async Task<IReadOnlyList<PlanOverview>> LoadAsync(CancellationToken ct)
    {
        var progress = new List<PlanProgress>();
        var bound = new List<BoundTarget>();
        foreach (var source in plans)
        {
            progress.AddRange(await source.ProgressAsync(ct));
            bound.AddRange(await source.BoundAsync(null, ct));
        }
        bound = [.. bound.Where(b => catalog.Find(b.IndicatorCode) is { IsBand: false })];
        var latest = (await values.LatestAsync([.. bound.Select(b => (b.IndicatorCode, b.OrgUnitId)).Distinct()], null, ct))
            .ToDictionary(v => (v.Code, v.OrgUnitId));
        var unitIds = bound.Select(b => b.OrgUnitId).Distinct().ToList();
        var units = (await tree.UnitsOfAsync(unitIds, ct)).ToDictionary(u => u.Key, u => (u.Value.Code, u.Value.Name));
        return [.. progress.Select(p => new PlanOverview(p, [.. bound.Where(b => b.PlanId == p.PlanId).OrderBy(b => b.TaskId).Select(b =>
        {
            var value = latest.GetValueOrDefault((b.IndicatorCode, b.OrgUnitId));
            var unit = units.GetValueOrDefault(b.OrgUnitId);
            return new MeasuredTarget(b, catalog.Find(b.IndicatorCode)!, unit.Code ?? "", unit.Name ?? "", value?.Value, value?.Period, TargetStatus.Of(b, value?.Value),
                ResponseRate.Of(value?.Answered, value?.Asked));
        })]))];
    }
}
