using Microsoft.EntityFrameworkCore;
using Qedu.Facilities.Data;
using Qedu.Facilities.Domain;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Facilities.DemoData;

/// <summary>
/// Planning zones in the demo city: one per primary (or nine-year) school, served for grade seven by the district's
/// junior schools in turn; 16 years of births and 10 school years of enrolment made by a cohort model with noise
/// (entry ratios, pupils moving up a grade, a share leaving after grade six), so the backtest has something to measure;
/// new housing in a few zones, a planner's migration adjustment in some, and three projects in the first district. The
/// cohorts are sized against each zone's entry seats: one zone in five runs short, the others keep a margin.
/// </summary>
internal sealed class FacilitiesDemoSeedStep(FacilitiesDb db, OrgTree tree, IRegistryStatistics registry, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 86;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Zones.AnyAsync(ct))
        {
            return;
        }
        var random = new Random(context.Seed * 73 + 11);
        var today = CityDate.Today(clock);
        var last = today.Month >= 9 ? today.Year : today.Year - 1;
        var capacity = await registry.SeatsBySchoolAsync(ct);
        var districts = (await tree.OfKindPastScopeAsync([OrgUnitKind.District], ct)).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var firstZones = new List<PlanningZone>();
        var zoneIndex = 0;
        foreach (var district in districts)
        {
            var schools = await tree.BelowPastScopeAsync(district.Id, OrgUnitKind.School, ct);
            var primaries = schools.Where(s => s.SchoolTypeCode is "211" or "312").ToList();
            var juniors = schools.Where(s => s.SchoolTypeCode is "311" or "312").ToList();
            if (primaries.Count == 0)
            {
                continue;
            }
            var zones = new List<PlanningZone>();
            var servedBy = new Dictionary<int, int>();
            var plan = new List<(PlanningZone Zone, OrgUnit School, OrgUnit? Junior)>();
            for (var i = 0; i < primaries.Count; i++)
            {
                var school = primaries[i];
                var junior = juniors.Count == 0 ? null : juniors.Contains(school) ? school : juniors[i % juniors.Count];
                var zone = new PlanningZone
                {
                    OrgUnitId = district.Id, Code = $"XQ{school.Code}", Name = school.Name.Replace("学校", "").Replace("小学", "") + "学区",
                    GradeOneSchools = PlanningZone.List([school.Id]), GradeSevenSchools = junior is null ? "" : PlanningZone.List([junior.Id]),
                };
                plan.Add((zone, school, junior));
                zones.Add(zone);
                if (junior is not null)
                {
                    servedBy[junior.Id] = servedBy.GetValueOrDefault(junior.Id) + 1;
                }
            }
            db.Zones.AddRange(zones);
            await db.SaveChangesAsync(ct);
            if (firstZones.Count == 0)
            {
                firstZones.AddRange(zones);
            }
            foreach (var (zone, school, junior) in plan)
            {
                // The zone's entry seats as the forecast counts them: seats ÷ grades taught, a junior school's shared among the zones it serves.
                var one = capacity.GetValueOrDefault(school.Id) / (double)(FacilitiesRules.Grades(school.SchoolTypeCode, true) ?? 6);
                var seven = junior is null ? 0
                    : capacity.GetValueOrDefault(junior.Id) / (double)(FacilitiesRules.Grades(junior.SchoolTypeCode, false) ?? 3) / servedBy[junior.Id];
                Cohorts(zone, one, seven, isShort: zoneIndex++ % 5 == 2, last, random);
            }
            await db.SaveChangesAsync(ct);
        }
        await AddProjectsAsync(firstZones, last, today, random, ct);
        await db.SaveChangesAsync(ct);
        context.Progress?.Report($"facilities: {await db.Zones.CountAsync(ct)} planning zones with {await db.Births.CountAsync(ct)} years of births " +
            $"and {await db.Enrolment.CountAsync(ct)} lines of enrolment history, {await db.Migration.CountAsync(ct)} migration adjustments, {await db.Projects.CountAsync(ct)} construction projects");
    }

    /// <summary>
    /// A zone's births (16 years) and enrolment (10 school years, grades 1–9) from a cohort model with noise, sized against
    /// the zone's entry seats so that its demand over the forecast's years peaks at 75–86 % of the tighter grade's seats — or,
    /// for a zone meant to run short (<paramref name="isShort"/>), at 106–118 % of them.
    /// </summary>
    private void Cohorts(PlanningZone zone, double oneSeats, double sevenSeats, bool isShort, int last, Random random)
    {
        var entry = 0.85 + random.NextDouble() * 0.2;
        var trend = -0.04 + random.NextDouble() * 0.07;
        var stay = 0.985 + random.NextDouble() * 0.03;
        var toJunior = 0.88 + random.NextDouble() * 0.1;
        // Births per unit of level, noise included, so the level can be chosen from the peaks they lead to.
        var unit = new Dictionary<int, double>();
        for (var year = last - 30; year <= last; year++)
        {
            unit[year] = Math.Pow(1 + trend, year - (last - 6)) * (1 + Noise(random, 0.04));
        }
        var horizon = Enumerable.Range(last + 1, FacilitiesRules.Options.Horizon).ToList();
        var peakOne = horizon.Max(y => unit[y - 6] * entry);
        var peakSeven = horizon.Max(y => unit[y - 12] * entry * Math.Pow(stay, 5) * toJunior);
        // The tighter grade binds: a zone meant to run short is short of that grade's seats, the other keeps more room.
        var pressure = isShort ? 1.06 + random.NextDouble() * 0.12 : 0.75 + random.NextDouble() * 0.11;
        var level = pressure * (sevenSeats > 0 ? Math.Min(oneSeats / peakOne, sevenSeats / peakSeven) : oneSeats / peakOne);
        level = Math.Max(1, level);
        var births = unit.ToDictionary(u => u.Key, u => Math.Max(5, (int)Math.Round(level * u.Value)));
        var pupils = new Dictionary<(int Year, int Grade), int>();
        for (var year = last - 24; year <= last; year++)
        {
            pupils[(year, 1)] = Math.Max(0, (int)Math.Round(births[year - 6] * entry * (1 + Noise(random, 0.03))));
            for (var grade = 2; grade <= 9; grade++)
            {
                if (pupils.TryGetValue((year - 1, grade - 1), out var before))
                {
                    var ratio = grade == 7 ? toJunior : stay;
                    pupils[(year, grade)] = Math.Max(0, (int)Math.Round(before * ratio * (1 + Noise(random, 0.02))));
                }
            }
        }
        for (var year = last - 15; year <= last; year++)
        {
            db.Births.Add(new ZoneBirths { OrgUnitId = zone.OrgUnitId, ZoneId = zone.Id, Year = year, Births = births[year], Source = "市卫健委出生数据交换（演示）" });
        }
        for (var year = last - 9; year <= last; year++)
        {
            for (var grade = 1; grade <= 9; grade++)
            {
                db.Enrolment.Add(new ZoneEnrolment { OrgUnitId = zone.OrgUnitId, ZoneId = zone.Id, Year = year, Grade = grade, Pupils = pupils[(year, grade)] });
            }
        }
        if (random.NextDouble() < 0.3)
        {
            // New dwellings: in a zone meant to run short, 8 % to 24 % more children in one year; elsewhere under 5 %.
            var dwellings = isShort ? oneSeats * (1 + random.Next(3)) : oneSeats * (0.3 + random.NextDouble() * 0.3);
            db.Housing.Add(new ZoneHousing { OrgUnitId = zone.OrgUnitId, ZoneId = zone.Id, Year = last + 1 + random.Next(3), Dwellings = (int)Math.Round(dwellings) });
        }
        if (isShort && random.NextDouble() < 0.5)
        {
            // A planner's adjustment: a resettled village's children expected in grade one.
            db.Migration.Add(new ZoneMigration { OrgUnitId = zone.OrgUnitId, ZoneId = zone.Id, Year = last + 2, Grade = 1, Children = 10 + random.Next(20) });
        }
    }

    /// <summary>Three projects of the first district: a new school, an expansion, a renovation.</summary>
    private async Task AddProjectsAsync(List<PlanningZone> zones, int last, DateOnly today, Random random, CancellationToken ct)
    {
        if (zones.Count == 0)
        {
            return;
        }
        var district = zones[0].OrgUnitId;
        (string Name, ProjectKind Kind, int One, int Seven, int Total, decimal Budget, int Opening)[] projects =
        [
            ("新建九年一贯制学校", ProjectKind.New, 180, 200, 2520, 32000m, last + 3),
            ("小学改扩建工程（新增12个教学班）", ProjectKind.Expansion, 90, 0, 540, 6800m, last + 2),
            ("校舍抗震加固及功能提升改造", ProjectKind.Renovation, 0, 0, 0, 1200m, last + 1),
        ];
        for (var i = 0; i < projects.Length; i++)
        {
            var p = projects[i];
            var zone = zones[Math.Min(i, zones.Count - 1)];
            var project = new ConstructionProject
            {
                OrgUnitId = district, ZoneId = zone.Id, Name = zone.Name.Replace("学区", "") + p.Name, Kind = p.Kind, GradeOneSeats = p.One,
                GradeSevenSeats = p.Seven, TotalSeats = p.Total, BudgetWan = p.Budget, OpeningYear = p.Opening,
                PlanTask = "化解大班额专项行动：新增学位建设任务", CreatedAt = clock.GetUtcNow(), CreatedBy = "demo",
            };
            db.Projects.Add(project);
            await db.SaveChangesAsync(ct);
            (string Name, int Months, bool Done)[] steps = [("立项批复", -10, true), ("开工建设", -4, true), ("主体封顶", 4 + random.Next(4), false), ("竣工验收", 16, false)];
            foreach (var (name, months, done) in steps.Take(p.Kind == ProjectKind.Renovation ? 2 : 4))
            {
                var due = today.AddMonths(months);
                db.Milestones.Add(new ProjectMilestone { OrgUnitId = district, ProjectId = project.Id, Name = name, DueOn = due, DoneOn = done ? due.AddDays(-random.Next(0, 20)) : null });
            }
        }
    }

    private static double Noise(Random random, double spread) => (random.NextDouble() * 2 - 1) * spread;
}
