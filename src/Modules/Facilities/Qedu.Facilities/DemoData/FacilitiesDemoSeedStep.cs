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
/// new housing in a few zones, and three projects in the first district. Births fall slowly in most zones and rise in
/// some, and the entry ratios differ, so some zones run short of seats.
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
        foreach (var district in districts)
        {
            var schools = await tree.BelowPastScopeAsync(district.Id, OrgUnitKind.School, ct);
            var primaries = schools.Where(s => s.SchoolTypeCode is "211" or "312").ToList();
            var juniors = schools.Where(s => s.SchoolTypeCode is "311" or "312").ToList();
            if (primaries.Count == 0)
            {
                continue;
            }
            var zones = new List<(PlanningZone Zone, int Seats)>();
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
                if (junior is not null)
                {
                    servedBy[junior.Id] = servedBy.GetValueOrDefault(junior.Id) + 1;
                }
            }
            foreach (var (zone, school, junior) in plan)
            {
                // The size of a zone's cohorts: its grade-one seats, or less where its share of the junior school's seats is smaller.
                var one = capacity.GetValueOrDefault(school.Id, 1200) / (FacilitiesRules.Grades(school.SchoolTypeCode, true) ?? 6);
                var seven = junior is null ? one
                    : capacity.GetValueOrDefault(junior.Id, 1200) / (FacilitiesRules.Grades(junior.SchoolTypeCode, false) ?? 3) / servedBy[junior.Id];
                zones.Add((zone, Math.Max(30, Math.Min(one, (int)(seven / 0.95)))));
            }
            db.Zones.AddRange(zones.Select(z => z.Zone));
            await db.SaveChangesAsync(ct);
            if (firstZones.Count == 0)
            {
                firstZones.AddRange(zones.Select(z => z.Zone));
            }
            foreach (var (zone, seats) in zones)
            {
                Cohorts(zone, seats, last, random);
            }
            await db.SaveChangesAsync(ct);
        }
        await AddProjectsAsync(firstZones, last, today, random, ct);
        await db.SaveChangesAsync(ct);
        context.Progress?.Report($"facilities: {await db.Zones.CountAsync(ct)} planning zones with {await db.Births.CountAsync(ct)} years of births " +
            $"and {await db.Enrolment.CountAsync(ct)} lines of enrolment history, {await db.Projects.CountAsync(ct)} construction projects");
    }

    /// <summary>A zone's births (16 years) and enrolment (10 school years, grades 1–9) from a cohort model with noise.</summary>
    private void Cohorts(PlanningZone zone, int gradeOneSeats, int last, Random random)
    {
        // Demand in the base year between 75 % and 110 % of the cohort size; births drifting −4 % to +3 % a year.
        var entry = 0.85 + random.NextDouble() * 0.2;
        var trend = -0.04 + random.NextDouble() * 0.07;
        var level = gradeOneSeats * (0.75 + random.NextDouble() * 0.35) / entry;
        var births = new Dictionary<int, int>();
        for (var year = last - 30; year <= last; year++)
        {
            // Births of the cohort entering grade one in the base year (born last − 6) are the level.
            births[year] = Math.Max(5, (int)Math.Round(level * Math.Pow(1 + trend, year - (last - 6)) * (1 + Noise(random, 0.04))));
        }
        var stay = 0.985 + random.NextDouble() * 0.03;
        var toJunior = 0.88 + random.NextDouble() * 0.1;
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
            // Dwellings bringing 8 % to 24 % more children to grade one in one year.
            db.Housing.Add(new ZoneHousing { OrgUnitId = zone.OrgUnitId, ZoneId = zone.Id, Year = last + 1 + random.Next(3), Dwellings = gradeOneSeats * (1 + random.Next(3)) });
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
