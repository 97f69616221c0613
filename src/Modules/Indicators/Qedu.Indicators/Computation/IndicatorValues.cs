using Microsoft.EntityFrameworkCore;
using Qedu.Indicators.Contracts;
using Qedu.Indicators.Data;
using Qedu.Indicators.Definitions;

namespace Qedu.Indicators.Computation;

/// <summary>The catalogue and the latest stored values, for other modules (scope-filtered like every snapshot read).</summary>
internal sealed class IndicatorValues(IndicatorsDb db, IndicatorCatalog catalog) : IIndicatorValues
{
    private readonly IReadOnlyList<IndicatorInfo> _catalogue = catalog.Indicators.Where(i => !i.IsBand).Select(ToInfo).ToList();

    public IReadOnlyList<IndicatorInfo> Catalogue => _catalogue;

    public IndicatorInfo? Find(string code) => catalog.Find(code) is { IsBand: false } d ? ToInfo(d) : null;

    public IndicatorInfo? Match(string targetText) => catalog.Match(targetText) is { } d ? ToInfo(d) : null;

    public async Task<IReadOnlyList<IndicatorValue>> LatestAsync(IReadOnlyCollection<(string Code, int OrgUnitId)> keys, int? year, CancellationToken ct = default)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var codes = keys.Select(k => k.Code).Distinct().ToList();
        var units = keys.Select(k => k.OrgUnitId).Distinct().ToList();
        var prefix = year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var query = db.Snapshots.AsNoTracking().Where(s => codes.Contains(s.IndicatorCode) && units.Contains(s.OrgUnitId));
        if (prefix is not null)
        {
            query = query.Where(s => s.Period.StartsWith(prefix));
        }
        var rows = await query.Select(s => new { s.IndicatorCode, s.OrgUnitId, s.Period, s.Value, s.ComputedAt, s.Answered, s.Asked }).ToListAsync(ct);
        var wanted = keys.ToHashSet();
        return rows
            .Where(r => wanted.Contains((r.IndicatorCode, r.OrgUnitId)))
            .GroupBy(r => (r.IndicatorCode, r.OrgUnitId))
            // The latest period; a month of a year ("2026-11") is later than the year's own figure ("2026").
            .Select(g => g.OrderByDescending(r => r.Period, StringComparer.Ordinal).First())
            .Select(r => new IndicatorValue(r.IndicatorCode, r.OrgUnitId, r.Period, r.Value, r.ComputedAt, r.Answered, r.Asked))
            .ToList();
    }

    private static IndicatorInfo ToInfo(IndicatorDefinition d) =>
        new(d.Code, d.Name.Zh, d.Name.En, d.Unit.Zh, d.Unit.En, d.Direction.ToString().ToLowerInvariant(), d.FormCode);
}
