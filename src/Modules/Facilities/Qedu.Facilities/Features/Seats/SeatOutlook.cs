using Microsoft.Extensions.Localization;
using Qedu.Facilities.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Facilities.Features.Seats;

/// <summary>A zone's outlook: shortfall when any year of either entry grade lacks seats; the largest gap.</summary>
internal sealed record ZoneOutlook(string Code, string Name, string District, bool Shortfall, int WorstGap, IReadOnlyList<SeatYear> Years);

/// <summary>What could not be forecast, and why.</summary>
internal sealed record MissingLine(string Zone, int Year, int Grade, string Reason, string Detail);

/// <summary>The backtest's error for one entry grade and horizon.</summary>
internal sealed record AccuracyLine(int Grade, int Horizon, int Cases, int ZeroActuals, decimal? Mape);

/// <summary>The seat forecast of a district (or the city): zones in shortfall first, the missing figures, and the backtest.</summary>
internal sealed record SeatOutlookView(
    string Area, string AreaName, int? BaseYear, int ShortfallZones, IReadOnlyList<ZoneOutlook> Zones, IReadOnlyList<MissingLine> Missing,
    IReadOnlyList<AccuracyLine> Backtest, int BacktestCases);

/// <summary>The seat forecast page's and API's view (facilities.read over the district or the city): <see cref="ZoneSeatForecast"/> of the area.</summary>
internal sealed class SeatOutlook(ZoneSeatForecast forecasting, FacilitiesAccess access, OrgTree tree, IStringLocalizer<FacilitiesText> t)
{
    public async Task<Outcome<SeatOutlookView>> ForecastAsync(string? area, CancellationToken ct = default)
    {
        var found = await access.AreaAsync(area, Permissions.FacilitiesRead, ct);
        if (found is null)
        {
            return Outcome<SeatOutlookView>.NotFound(t["Area.NotFound"]);
        }
        var run = await forecasting.RunAsync(found.DistrictIds, ct);
        var districts = await tree.UnitsOfAsync(found.DistrictIds, ct);
        var outlook = run.Zones
            .Select(z => new ZoneOutlook(z.Zone.Code, z.Zone.Name, districts.TryGetValue(z.Zone.OrgUnitId, out var d) ? d.Name : "", z.Shortfall, z.WorstGap, z.Years))
            .OrderByDescending(z => z.Shortfall).ThenByDescending(z => z.Shortfall ? z.WorstGap : 0).ThenBy(z => z.Code, StringComparer.Ordinal).ToList();
        var missing = run.Missing.Select(m => new MissingLine(m.Zone, m.Year, (int)m.Grade, m.Reason.ToString(), t[$"Missing.{m.Reason}"])).ToList();
        var accuracy = run.Backtest.Accuracy.Select(a => new AccuracyLine((int)a.Grade, a.Horizon, a.Cases, a.ZeroActuals, a.Mape is { } m ? Math.Round(m, 1) : null)).ToList();
        return Outcome<SeatOutlookView>.Ok(new SeatOutlookView(found.Unit.Code, found.Unit.Name, run.BaseYear, outlook.Count(z => z.Shortfall),
            outlook, missing, accuracy, run.Backtest.Cases.Count));
    }
}
