using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Facilities.Data;
using Qedu.Facilities.Domain;
using Qedu.Facilities.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.SeatForecast;

namespace Qedu.Facilities.Features.Seats;

/// <summary>One entry grade of a zone in a year: children expected, seats, the gap (above zero: children without a seat).</summary>
internal sealed record SeatLine(int Demand, int Seats, int Gap, bool Shortfall);

/// <summary>A zone in one future school year.</summary>
internal sealed record SeatYear(int Year, int Horizon, SeatLine? GradeOne, SeatLine? GradeSeven);

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

/// <summary>
/// The seat forecast (学位预警, facilities.read): the zones' births, enrolment and housing go to
/// <see cref="SeatForecaster"/>, against each zone's entry seats — its schools' seats (the registry's school profile)
/// divided by the grades each teaches and shared among the zones it serves, plus the entry seats of construction projects
/// of the zone opening by that year. The backtest runs on the same stored history.
/// </summary>
internal sealed class SeatOutlook(FacilitiesDb db, FacilitiesAccess access, OrgTree tree, IRegistryStatistics registry, IStringLocalizer<FacilitiesText> t)
{
    public async Task<Outcome<SeatOutlookView>> ForecastAsync(string? area, CancellationToken ct = default)
    {
        var found = await access.AreaAsync(area, Permissions.FacilitiesRead, ct);
        if (found is null)
        {
            return Outcome<SeatOutlookView>.NotFound(t["Area.NotFound"]);
        }
        var districtIds = found.DistrictIds;
        var zones = await db.Zones.AsNoTracking().Where(z => districtIds.Contains(z.OrgUnitId)).OrderBy(z => z.Code).ToListAsync(ct);
        var zoneIds = zones.Select(z => z.Id).ToList();
        var codeOf = zones.ToDictionary(z => z.Id, z => z.Code);
        var births = await db.Births.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId)).ToListAsync(ct);
        var enrolment = await db.Enrolment.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId)).ToListAsync(ct);
        var housing = await db.Housing.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId)).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.ZoneId != null && zoneIds.Contains(p.ZoneId.Value)).ToListAsync(ct);

        var history = new SeatForecastInput(
            [.. births.Select(b => new BirthCount(codeOf[b.ZoneId], b.Year, b.Births))],
            [.. enrolment.Select(e => new EnrolmentCount(codeOf[e.ZoneId], e.Year, e.Grade, e.Pupils))])
        {
            Housing = [.. housing.Select(h => new HousingCompletion(codeOf[h.ZoneId], h.Year, h.Dwellings))],
            Yield = FacilitiesRules.Yield,
        };
        var baseYear = enrolment.Count == 0 ? (int?)null : enrolment.Max(e => e.Year);
        var today = await EntrySeatsAsync(zones, ct);
        var seats = new List<SeatCapacity>();
        if (baseYear is int by)
        {
            foreach (var zone in zones)
            {
                for (var year = by + 1; year <= by + FacilitiesRules.Options.Horizon; year++)
                {
                    var opened = projects.Where(p => p.ZoneId == zone.Id && p.OpeningYear <= year).ToList();
                    seats.Add(new SeatCapacity(zone.Code, year, EntryGrade.GradeOne, today[zone.Id].GradeOne + opened.Sum(p => p.GradeOneSeats)));
                    seats.Add(new SeatCapacity(zone.Code, year, EntryGrade.GradeSeven, today[zone.Id].GradeSeven + opened.Sum(p => p.GradeSevenSeats)));
                }
            }
        }
        var forecast = SeatForecaster.Forecast(history with { Seats = seats }, FacilitiesRules.Options);
        var backtest = SeatForecaster.Backtest(history, FacilitiesRules.Options);

        var districts = await tree.UnitsOfAsync(districtIds, ct);
        var byZone = forecast.Rows.ToLookup(r => r.Zone);
        var outlook = zones.Select(z =>
        {
            var years = byZone[z.Code].Select(r => new SeatYear(r.Year, r.Horizon, Line(r.GradeOne), Line(r.GradeSeven))).ToList();
            var gaps = years.SelectMany(y => new[] { y.GradeOne, y.GradeSeven }).Where(l => l is not null).Select(l => l!.Gap).ToList();
            var worst = gaps.Count == 0 ? 0 : gaps.Max();
            return new ZoneOutlook(z.Code, z.Name, districts.TryGetValue(z.OrgUnitId, out var d) ? d.Name : "", worst > 0, worst, years);
        }).OrderByDescending(z => z.Shortfall).ThenByDescending(z => z.Shortfall ? z.WorstGap : 0).ThenBy(z => z.Code, StringComparer.Ordinal).ToList();
        var missing = forecast.Missing.Select(m => new MissingLine(m.Zone, m.Year, (int)m.Grade, m.Reason.ToString(), t[$"Missing.{m.Reason}"])).ToList();
        var accuracy = backtest.Accuracy.Select(a => new AccuracyLine((int)a.Grade, a.Horizon, a.Cases, a.ZeroActuals, a.Mape is { } m ? Math.Round(m, 1) : null)).ToList();
        return Outcome<SeatOutlookView>.Ok(new SeatOutlookView(found.Unit.Code, found.Unit.Name, forecast.BaseYear, outlook.Count(z => z.Shortfall),
            outlook, missing, accuracy, backtest.Cases.Count));
    }

    private static SeatLine? Line(EntryDemand? demand) =>
        demand is null ? null : new SeatLine(demand.Demand, demand.Seats ?? 0, demand.Gap ?? demand.Demand, demand.Shortfall);

    /// <summary>
    /// Each zone's entry seats today: for every school serving it, the school's seats ÷ the grades it teaches
    /// (<see cref="FacilitiesRules.Grades"/>), shared equally among the zones that school serves for that grade.
    /// </summary>
    private async Task<Dictionary<long, (int GradeOne, int GradeSeven)>> EntrySeatsAsync(IReadOnlyList<PlanningZone> zones, CancellationToken ct)
    {
        var capacity = await registry.SeatsBySchoolAsync(ct);
        var one = zones.ToDictionary(z => z.Id, z => PlanningZone.Ids(z.GradeOneSchools));
        var seven = zones.ToDictionary(z => z.Id, z => PlanningZone.Ids(z.GradeSevenSchools));
        var schoolIds = one.Values.Concat(seven.Values).SelectMany(s => s).Distinct().ToList();
        var units = await tree.UnitsOfAsync(schoolIds, ct);
        // Zones a school serves for each grade, across every zone of the city the caller sees in this area.
        var shareOne = one.Values.SelectMany(s => s).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var shareSeven = seven.Values.SelectMany(s => s).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        decimal Entry(int school, bool gradeOne, Dictionary<int, int> shares) =>
            capacity.TryGetValue(school, out var cap) && FacilitiesRules.Grades(units.GetValueOrDefault(school)?.SchoolTypeCode, gradeOne) is int grades
                ? (decimal)cap / grades / shares[school]
                : 0m;
        return zones.ToDictionary(z => z.Id, z => (
            (int)Math.Round(one[z.Id].Sum(s => Entry(s, true, shareOne)), MidpointRounding.AwayFromZero),
            (int)Math.Round(seven[z.Id].Sum(s => Entry(s, false, shareSeven)), MidpointRounding.AwayFromZero)));
    }
}
