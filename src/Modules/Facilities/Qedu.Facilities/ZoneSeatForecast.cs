using Microsoft.EntityFrameworkCore;
using Qedu.Facilities.Data;
using Qedu.Facilities.Domain;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;
using Qedu.SeatForecast;

namespace Qedu.Facilities;

/// <summary>One entry grade of a zone in a year: children expected, seats, the gap (above zero: children without a seat).</summary>
internal sealed record SeatLine(int Demand, int Seats, int Gap, bool Shortfall);

/// <summary>A zone in one future school year.</summary>
internal sealed record SeatYear(int Year, int Horizon, SeatLine? GradeOne, SeatLine? GradeSeven);

/// <summary>
/// A zone's forecast: its years, whether any year of grade one or of grade seven lacks seats, and the largest gap.
/// </summary>
internal sealed record ZoneForecast(PlanningZone Zone, IReadOnlyList<SeatYear> Years, bool GradeOneShort, bool GradeSevenShort, int WorstGap)
{
    public bool Shortfall => GradeOneShort || GradeSevenShort;
}

/// <summary>The forecast of a set of districts' zones with what could not be forecast, and the backtest on the same history.</summary>
internal sealed record ZoneForecastRun(int? BaseYear, IReadOnlyList<ZoneForecast> Zones, IReadOnlyList<MissingForecast> Missing, BacktestResult Backtest);

/// <summary>
/// The seat forecast (学位预警) of the zones of some districts, with no access check of its own: the seats page checks
/// the caller first, the indicator statistics run as the system. The zones' births, enrolment, housing and migration go
/// to <see cref="SeatForecaster"/>, against each zone's entry seats — its schools' seats (the registry's school profile)
/// divided by the grades each teaches and shared among the zones it serves, plus the entry seats of construction projects
/// of the zone opening by that year. The backtest runs on the same stored history.
/// </summary>
internal sealed class ZoneSeatForecast(FacilitiesDb db, OrgTree tree, IRegistryStatistics registry)
{
    public async Task<ZoneForecastRun> RunAsync(IReadOnlyList<int> districtIds, CancellationToken ct = default)
    {
        var zones = await db.Zones.AsNoTracking().Where(z => districtIds.Contains(z.OrgUnitId)).OrderBy(z => z.Code).ToListAsync(ct);
        var zoneIds = zones.Select(z => z.Id).ToList();
        var codeOf = zones.ToDictionary(z => z.Id, z => z.Code);
        var births = await db.Births.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId)).ToListAsync(ct);
        var enrolment = await db.Enrolment.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId)).ToListAsync(ct);
        var housing = await db.Housing.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId)).ToListAsync(ct);
        var migration = await db.Migration.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId)).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.ZoneId != null && zoneIds.Contains(p.ZoneId.Value)).ToListAsync(ct);

        var history = new SeatForecastInput(
            [.. births.Select(b => new BirthCount(codeOf[b.ZoneId], b.Year, b.Births))],
            [.. enrolment.Select(e => new EnrolmentCount(codeOf[e.ZoneId], e.Year, e.Grade, e.Pupils))])
        {
            Housing = [.. housing.Select(h => new HousingCompletion(codeOf[h.ZoneId], h.Year, h.Dwellings))],
            Yield = FacilitiesRules.Yield,
            Migration = [.. migration.Select(m => new MigrationAdjustment(codeOf[m.ZoneId], m.Year, (EntryGrade)m.Grade, m.Children))],
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

        var byZone = forecast.Rows.ToLookup(r => r.Zone);
        var result = zones.Select(z =>
        {
            var years = byZone[z.Code].Select(r => new SeatYear(r.Year, r.Horizon, Line(r.GradeOne), Line(r.GradeSeven))).ToList();
            var gaps = years.SelectMany(y => new[] { y.GradeOne, y.GradeSeven }).Where(l => l is not null).Select(l => l!.Gap).ToList();
            return new ZoneForecast(z, years, years.Any(y => y.GradeOne?.Shortfall == true), years.Any(y => y.GradeSeven?.Shortfall == true),
                gaps.Count == 0 ? 0 : gaps.Max());
        }).ToList();
        return new ZoneForecastRun(forecast.BaseYear, result, forecast.Missing, backtest);
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
        // A school serves zones of its own district only, so the districts asked for hold every zone it is shared among.
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
