using Microsoft.EntityFrameworkCore;
using Qedu.Indicators.Contracts;
using Qedu.Indicators.Data;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Indicators.Features.Dashboard;

/// <summary>
/// Reads the stored snapshots for a dashboard: a handful of indexed queries, never a recomputation, so a city page is
/// served in milliseconds. Every read is scope-filtered: a district sees its own schools and itself, not the city.
/// </summary>
internal sealed class DashboardQueries(
    IndicatorsDb db,
    OrgTree tree,
    IndicatorCatalog catalog,
    IRegistryStatistics registry,
    ICurrentAccess access,
    IEnumerable<IIndicatorTargets> targetSources)
{
    /// <summary>The units a dashboard drills down to: district bureaus under a city, schools under a district.</summary>
    private static readonly OrgUnitKind[] ChildKinds = [OrgUnitKind.District, OrgUnitKind.School];

    /// <summary>The unit the caller's dashboard opens on: the top of their scope (the city for the bureau).</summary>
    public async Task<string?> HomeCodeAsync(CancellationToken ct)
    {
        var roots = access.Current.Grants.Where(g => g.Permissions.Contains(Permissions.IndicatorsRead)).Select(g => g.OrgUnitId).ToList();
        var units = (await tree.VisibleAsync(roots, ct)).Values;
        var top = units.Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.District or OrgUnitKind.School)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault();
        return top?.Code;
    }

    public async Task<IReadOnlyList<string>> PeriodsAsync(CancellationToken ct) =>
        await db.Runs.AsNoTracking().Select(r => r.Period).Distinct().OrderByDescending(p => p).ToListAsync(ct);

    /// <summary>
    /// The dashboard of a unit the caller may see, or null. Without <paramref name="detail"/> only the unit's own values
    /// (the values API): no child units, trend or classes are read.
    /// </summary>
    public async Task<DashboardView?> LoadAsync(string orgCode, string? period, string? indicatorCode, CancellationToken ct, bool detail = true)
    {
        if (await tree.FindAsync(orgCode, ct) is not { } unit || unit.Kind is not (OrgUnitKind.City or OrgUnitKind.Province or OrgUnitKind.District or OrgUnitKind.School))
        {
            return null;
        }
        var path = (await tree.PathAsync(unit.Id, ct)).Where(u => u.Kind != OrgUnitKind.Ministry).Select(DashboardUnit.Of).ToList();
        var periods = await PeriodsAsync(ct);
        period = period is not null && periods.Contains(period) ? period : periods.Count > 0 ? periods[0] : null;

        var history = await db.Snapshots.AsNoTracking().Where(s => s.OrgUnitId == unit.Id).ToListAsync(ct);
        var current = history.Where(s => s.Period == period).ToDictionary(s => s.IndicatorCode, StringComparer.Ordinal);
        var previousPeriod = periods.Where(p => string.CompareOrdinal(p, period) < 0 && p.Length == period?.Length).FirstOrDefault();
        var previous = history.Where(s => s.Period == previousPeriod).ToDictionary(s => s.IndicatorCode, s => s.Value, StringComparer.Ordinal);
        var targets = await TargetsAsync([unit.Id], ct);
        var year = period is null ? (int?)null : int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture);

        var rows = new List<IndicatorRow>();
        foreach (var indicator in catalog.Indicators.Where(i => !i.IsBand))
        {
            if (!current.TryGetValue(indicator.Code, out var s))
            {
                continue;
            }
            var target = PickTarget(targets, indicator.Code, unit.Id, year);
            rows.Add(new IndicatorRow(indicator, s.Value, s.Numerator, s.Denominator,
                previous.TryGetValue(indicator.Code, out var p) ? p : null, previousPeriod, target, TargetStatus.Of(target, s.Value),
                ResponseRate.Of(s.Answered, s.Asked)));
        }
        var bands = catalog.Bands
            .Select(b => new BandValue(b, current.TryGetValue(IndicatorCatalog.BandCode(b), out var s) ? s.Value : 0))
            .ToList();

        var selected = catalog.Find(indicatorCode) is { IsBand: false } chosen && rows.Any(r => r.Indicator == chosen)
            ? chosen
            : rows.FirstOrDefault()?.Indicator;
        var trend = selected is null || !detail
            ? []
            : history.Where(s => s.IndicatorCode == selected.Code && s.Period.Length == period?.Length)
                .OrderBy(s => s.Period, StringComparer.Ordinal).Select(s => new TrendPoint(s.Period, s.Value)).ToList();

        var children = selected is null || period is null || !detail ? [] : await ChildrenAsync(unit.Id, period, selected, ct);
        var classes = unit.Kind == OrgUnitKind.School && detail ? await registry.ClassesOfSchoolAsync(unit.Id, ct) : null;
        var computedAt = current.Values.Select(s => (DateTimeOffset?)s.ComputedAt).FirstOrDefault();
        return new DashboardView(DashboardUnit.Of(unit), path, period, periods, computedAt, rows, bands, selected, children, trend, classes);
    }

    /// <summary>The child units (districts, or a district's schools) the caller may see, with their values of one indicator, worst first.</summary>
    public async Task<IReadOnlyList<ChildValue>> ChildrenAsync(int unitId, string period, IndicatorDefinition indicator, CancellationToken ct)
    {
        var units = await ChildUnitsAsync(unitId, ct);
        var ids = units.Select(u => u.Id).ToList();
        var values = await db.Snapshots.AsNoTracking()
            .Where(s => s.Period == period && s.IndicatorCode == indicator.Code && ids.Contains(s.OrgUnitId))
            .ToDictionaryAsync(s => s.OrgUnitId, ct);
        var rows = units.Select(u => values.TryGetValue(u.Id, out var s)
            ? new ChildValue(u, s.Value, s.Numerator, s.Denominator, ResponseRate.Of(s.Answered, s.Asked))
            : new ChildValue(u, null, null, null));
        return WorstFirst(rows, indicator.Direction).ToList();
    }

    /// <summary>Every indicator of every child unit in one period (the export's table of child units).</summary>
    public async Task<IReadOnlyDictionary<(int Unit, string Code), decimal>> ChildMatrixAsync(IReadOnlyList<DashboardUnit> units, string period, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToList();
        var rows = await db.Snapshots.AsNoTracking()
            .Where(s => s.Period == period && ids.Contains(s.OrgUnitId))
            .Select(s => new { s.OrgUnitId, s.IndicatorCode, s.Value })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.OrgUnitId, r.IndicatorCode), r => r.Value);
    }

    public async Task<IReadOnlyList<DashboardUnit>> ChildUnitsAsync(int unitId, CancellationToken ct) =>
        (await tree.ChildrenAsync(unitId, ct))
        .Where(u => ChildKinds.Contains(u.Kind))
        .OrderBy(u => u.SortOrder).ThenBy(u => u.Code, StringComparer.Ordinal)
        .Select(DashboardUnit.Of)
        .ToList();

    public async Task<IReadOnlyList<BoundTarget>> TargetsAsync(IReadOnlyCollection<int> unitIds, CancellationToken ct)
    {
        var all = new List<BoundTarget>();
        foreach (var source in targetSources)
        {
            all.AddRange(await source.BoundAsync(unitIds, ct));
        }
        return all;
    }

    /// <summary>The target for the period's year if there is one, else the next one ahead, else the latest behind.</summary>
    internal static BoundTarget? PickTarget(IReadOnlyList<BoundTarget> targets, string code, int unitId, int? year)
    {
        var candidates = targets.Where(t => t.IndicatorCode == code && t.OrgUnitId == unitId).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        if (year is null)
        {
            return candidates.OrderByDescending(t => t.Year ?? int.MaxValue).First();
        }
        return candidates.Where(t => (t.Year ?? int.MaxValue) >= year).OrderBy(t => t.Year ?? int.MaxValue).FirstOrDefault()
            ?? candidates.OrderByDescending(t => t.Year).First();
    }

    internal static IEnumerable<ChildValue> WorstFirst(IEnumerable<ChildValue> rows, Direction direction) =>
        direction == Direction.Higher
            ? rows.OrderBy(r => r.Value is null).ThenBy(r => r.Value).ThenBy(r => r.Unit.Code, StringComparer.Ordinal)
            : rows.OrderBy(r => r.Value is null).ThenByDescending(r => r.Value).ThenBy(r => r.Unit.Code, StringComparer.Ordinal);
}
