using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Health;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Indicators.Computation;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Growth.HealthWorld;

namespace Qedu.Web.Tests.Growth;

/// <summary>
/// Health (体质与视力): the national fitness standard against hand-worked cases from its tables, the vision screening
/// rule, fitness and vision files checked row by row and written whole or not at all, the figures by unit and class, a
/// class's children for those who keep the records (audited), and the facts the indicators bind to.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HealthTests(WebApp app)
{
    private FitnessStandard Standard => app.Services.GetRequiredService<FitnessStandard>();

    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    [Fact]
    public void The_standard_scores_hand_worked_cases_from_its_tables()
    {
        // 一年级 boy: BMI 22 / 1.2² = 15.3, normal (13.5–18.1) → 100 × 15 %; 肺活量 1300 ml is the 80 line → 80 × 15 %;
        // 50 m in 11.0 s is the 76 line → 76 × 20 %; 坐位体前屈 9.0 cm passes 8.8 (76) but not 9.9 (78) → 76 × 30 %;
        // 119 skips pass the top (109) → 100 × 20 %, and 10 over it earn 5 bonus points (one per two skips).
        // 15 + 12 + 15.2 + 22.8 + 20 = 85.0; with the bonus 90.0, 优秀 (the level follows the year's total).
        var boy = Standard.Score("P1", "1", 120, 22, new Dictionary<string, double>
        {
            ["vitalCapacity"] = 1300, ["sprint50"] = 11.0, ["sitAndReach"] = 9.0, ["ropeSkip"] = 119,
        });
        Assert.Equal([("bmi", 100.0), ("vitalCapacity", 80), ("sprint50", 76), ("sitAndReach", 76), ("ropeSkip", 100)],
            boy.Items.Select(i => (i.Item, i.Score)).ToList());
        Assert.Equal((85.0, 5.0, 90.0, FitnessLevel.Excellent), (boy.Score, boy.Bonus, boy.Total, boy.Level));

        // 初一 girl: BMI 60 / 1.55² = 25.0, obese (≥ 24.5) → 60; 2000 ml passes 1950 → 72; 9.0 s within 9.1 → 78;
        // 12.0 cm passes 11.1 → 74; 160 cm passes 158 → 72; 55 sit-ups pass the top (50) → 100 and 5 over it → 2 points;
        // 800 m in 4'20 (260 s) is the 74 line → 74. 9 + 10.8 + 15.6 + 7.4 + 7.2 + 10 + 14.8 = 74.8, with the bonus 76.8, 及格.
        var girl = Standard.Score("J1", "2", 155, 60, new Dictionary<string, double>
        {
            ["vitalCapacity"] = 2000, ["sprint50"] = 9.0, ["sitAndReach"] = 12.0, ["standingJump"] = 160, ["sitUps"] = 55, ["run800"] = 260,
        });
        Assert.Equal([60.0, 72, 78, 74, 72, 100, 74], girl.Items.Select(i => i.Score).ToList());
        Assert.Equal((74.8, 2.0, 76.8, FitnessLevel.Pass), (girl.Score, girl.Bonus, girl.Total, girl.Level));

        // 初一 boy: the pull-up table has no 78 line, so 8 pull-ups score 76; 1000 m in 3'20 is 35 s under the top (3'55):
        // 10 bonus points. A missing item scores 0; no height, no BMI score.
        var pulls = Standard.Score("J1", "1", null, null, new Dictionary<string, double> { ["pullUps"] = 8, ["run1000"] = 200 });
        Assert.Equal((76.0, 100.0, 0.0, 0.0), (pulls.Items.Single(i => i.Item == "pullUps").Score, pulls.Items.Single(i => i.Item == "run1000").Score,
            pulls.Items.Single(i => i.Item == "bmi").Score, pulls.Items.Single(i => i.Item == "vitalCapacity").Score));
        Assert.Equal(10.0, pulls.Bonus);
        Assert.Equal(FitnessLevel.Fail, pulls.Level);
        Assert.Empty(Standard.WeightsFor("K3", "1"));
        Assert.Equal(15.3, FitnessStandard.BodyMassIndex(120, 22));
    }

    [Fact]
    public void The_screening_rule_reads_poor_vision_and_myopia()
    {
        var rules = app.Services.GetRequiredService<VisionRules>();
        // Under 5.0 in an eye is poor vision; with a spherical equivalent under -0.50 D it is screening myopia.
        Assert.Equal((true, true), (rules.PoorVision(4.8, 5.0), rules.Myopic(4.8, 5.0, -1.0, null, false)));
        // Poor acuity with a hyperopic refraction is not myopia; glasses are, whatever the acuity.
        Assert.Equal((true, false), (rules.PoorVision(4.8, 5.0), rules.Myopic(4.8, 5.0, 0.5, 0.0, false)));
        Assert.Equal((false, true), (rules.PoorVision(5.0, 5.1), rules.Myopic(5.0, 5.1, null, null, true)));
        // No refraction taken: the rules count poor acuity alone (countPoorVisionWithoutRefraction).
        Assert.True(rules.Myopic(5.0, 4.9, null, null, false));
        Assert.False(rules.Myopic(5.0, 5.0, -3.0, -3.0, false));
    }

    [Fact]
    public async Task A_fitness_file_is_checked_row_by_row_scored_and_written_whole_or_not_at_all()
    {
        var boy = await app.StudentAsync("P1", "1");
        var girl = await app.StudentAsync("J1", "2");
        var district = await app.ClientAsync("shinan.admin");
        var before = await ResultsAsync(boy.StudentId, girl.StudentId);

        var bad = $"{FitnessHeader}\n{boy.StudentNumber},女,120,22,1300,11.0,9.0,119,,,,,,,\nNOBODY,男,120,22,1300,11.0,9.0,119,,,,,,,\n"
            + $"{girl.StudentNumber},女,155,60,2000,9.0,12.0,,55,,,,,4.20,\n{girl.StudentNumber},女,155,60,2000,9.0,12.0,,55,,160,,,4'20,\n";
        using (var refused = await district.PostAsync("/api/growth/fitness/import", Upload(bad, false, "testedOn")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problems = (await refused.JsonAsync()).GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
            Assert.Equal([(2, "性别"), (3, "学籍号"), (4, "立定跳远"), (4, "800米跑"), (5, "学籍号")], problems);
        }
        Assert.Equal(before, await ResultsAsync(boy.StudentId, girl.StudentId));

        var good = $"{FitnessHeader}\n{boy.StudentNumber},男,120,22,1300,11.0,9.0,119,,,,,,,否\n{girl.StudentNumber},女,155,60,2000,9.0,12.0,,55,,160,,,4'20,\n";
        using (var dry = await district.PostAsync("/api/growth/fitness/import", Upload(good, true, "testedOn")))
        {
            var report = await dry.JsonAsync();
            Assert.Equal((true, true, 2), (report.GetProperty("ok").GetBoolean(), report.GetProperty("dryRun").GetBoolean(), report.GetProperty("rows").GetInt32()));
            Assert.Equal((1, 1), (report.GetProperty("counts").GetProperty("excellent").GetInt32(), report.GetProperty("counts").GetProperty("pass").GetInt32()));
        }
        Assert.Equal(before, await ResultsAsync(boy.StudentId, girl.StudentId));
        using (var imported = await district.PostAsync("/api/growth/fitness/import", Upload(good, false, "testedOn")))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        var year = HealthFile.SchoolYearOf(Today);
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().Fitness.AsNoTracking()
            .Where(f => (f.StudentId == boy.StudentId || f.StudentId == girl.StudentId) && f.SchoolYear == year).OrderBy(f => f.GradeCode).ToListAsync());
        Assert.Equal([("J1", "2", 74.8, 2.0, 76.8, FitnessLevel.Pass, "health.csv"), ("P1", "1", 85.0, 5.0, 90.0, FitnessLevel.Excellent, "health.csv")],
            stored.Select(f => (f.GradeCode, f.GenderCode, f.Score, f.Bonus, f.Total, f.Level, f.FileName)).ToList());
        Assert.Equal(boy.ClassName, stored[1].ClassName);
        Assert.Equal(260, JsonSerializer.Deserialize<Dictionary<string, double>>(stored[0].Measurements)!["run800"]);

        // The same file again replaces this year's two results; in English for an English reader, a row's problem reads in English.
        using (var again = await district.PostAsync("/api/growth/fitness/import", Upload(good, false, "testedOn")))
        {
            Assert.Equal(2, (await again.JsonAsync()).GetProperty("replaced").GetInt32());
        }
        Assert.Equal(2, await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().Fitness.CountAsync(f => (f.StudentId == boy.StudentId || f.StudentId == girl.StudentId) && f.SchoolYear == year)));
        using (var english = await district.SendAsync(Http.Request(HttpMethod.Post, "/api/growth/fitness/import",
            Upload($"{FitnessHeader}\n{boy.StudentNumber},男,120,22,1300,11.0,9.0,,,,,,,,\n", true, "testedOn"), "en")))
        {
            var message = (await english.JsonAsync()).GetProperty("problems")[0].GetProperty("message").GetString();
            Assert.Equal("required for grade 1 students (for an exemption write 是 in 免测)", message);
        }

        // A test day in the future, a file that is no table, a file without the student number: each refused as a whole.
        using (var future = await district.PostAsync("/api/growth/fitness/import", Upload(good, true, "testedOn", Today.AddDays(2))))
        {
            Assert.Equal(app.Text<GrowthText>("Health.File.Future"), (await future.JsonAsync()).GetProperty("problems")[0].GetProperty("message").GetString());
        }
        using (var pdf = await district.PostAsync("/api/growth/fitness/import", Upload("%PDF-1.4", true, "testedOn", fileName: "scores.pdf")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        }
        using (var noNumber = await district.PostAsync("/api/growth/fitness/import", Upload("姓名,身高\n张三,120\n", true, "testedOn")))
        {
            Assert.Equal((1, "学籍号"), (await noNumber.JsonAsync()).GetProperty("problems").EnumerateArray()
                .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).Single());
        }

        // A school keeps its own students only: another school's administrator cannot write this school's results.
        var other = await app.ClientAsync(await app.NewAccountAsync("health.other", Qedu.Kernel.Access.Roles.SchoolAdmin, await OtherSchoolAsync(boy.SchoolCode)));
        using var outside = await other.PostAsync("/api/growth/fitness/import", Upload(good, true, "testedOn"));
        Assert.Equal([(2, "学籍号")], (await outside.JsonAsync()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).Where(p => p.Item1 == 2).ToList());
    }

    [Fact]
    public async Task The_import_page_checks_a_fitness_file_and_names_each_problem_by_row_and_column()
    {
        var boy = await app.StudentAsync("P1", "1", skip: 5);
        var district = await app.ClientAsync("shinan.admin");
        var before = await ResultsAsync(boy.StudentId);
        var html = await district.GetStringAsync("/growth/health/import");
        using var form = Upload($"{FitnessHeader}\n{boy.StudentNumber},男,120,22,1300,11.0,9.0,,,,,,,,\n", false, "FitnessUpload.Day");
        form.Add(new StringContent(Qedu.Testing.QeduApp.AntiforgeryToken(html)), "__RequestVerificationToken");
        form.Add(new StringContent("fitness"), "_handler");
        using var posted = await district.PostAsync("/growth/health/import", form);
        var text = await posted.TextAsync();
        // The rope skipping a grade-1 pupil must do is missing: the row and the column are named, nothing is written.
        Assert.Contains("data-testid=\"import-problems\"", text, StringComparison.Ordinal);
        Assert.Contains("<td>2</td><td>一分钟跳绳</td>", text, StringComparison.Ordinal);
        Assert.Contains(app.Text<GrowthText>("Fitness.Row.Needed").Replace("{0}", "一年级", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Equal(before, await ResultsAsync(boy.StudentId));
    }

    [Fact]
    public async Task A_vision_file_converts_decimal_records_and_finds_myopia_by_the_rule()
    {
        var first = await app.StudentAsync("P3", "1");
        var second = await app.StudentAsync("P3", "2");
        var district = await app.ClientAsync("shinan.admin");
        var header = "学籍号,左眼裸眼视力,右眼裸眼视力,左眼等效球镜,右眼等效球镜,戴镜";
        using (var refused = await district.PostAsync("/api/growth/vision/import", Upload($"{header}\n{first.StudentNumber},6.5,5.0,,,\n{second.StudentNumber},5.0,5.0,,,也许\n", false, "screenedOn")))
        {
            Assert.Equal([(2, "左眼裸眼视力"), (3, "戴镜")], (await refused.JsonAsync()).GetProperty("problems").EnumerateArray()
                .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList());
        }
        // 0.6 in the decimal record is 5 + lg 0.6 = 4.78 → 4.8, with -1.25 D: myopic. The second child sees 5.0 and 5.1: neither.
        using (var imported = await district.PostAsync("/api/growth/vision/import", Upload($"{header}\n{first.StudentNumber},0.6,5.0,-1.25,0,\n{second.StudentNumber},5.0,5.1,,,否\n", false, "screenedOn")))
        {
            var report = await imported.JsonAsync();
            Assert.Equal((2, 1, 1), (report.GetProperty("counts").GetProperty("screened").GetInt32(), report.GetProperty("counts").GetProperty("poorVision").GetInt32(),
                report.GetProperty("counts").GetProperty("myopic").GetInt32()));
        }
        var year = HealthFile.SchoolYearOf(Today);
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().Vision.AsNoTracking().SingleAsync(v => v.StudentId == first.StudentId && v.SchoolYear == year));
        Assert.Equal((4.8, 5.0, true, true), (stored.LeftAcuity, stored.RightAcuity, stored.PoorVision, stored.Myopic));
    }

    [Fact]
    public async Task The_figures_roll_up_by_unit_and_a_class_list_is_for_record_keepers_and_audited()
    {
        var city = await app.ClientAsync("city.admin");
        var view = await (await city.GetAsync("/api/growth/health")).JsonAsync();
        var districts = view.GetProperty("districts").EnumerateArray().ToList();
        Assert.True(districts.Count > 1);
        // The city's counts are its districts' counts added up (each school counted once).
        Assert.Equal(view.GetProperty("total").GetProperty("this").GetProperty("tested").GetInt32(),
            districts.Sum(d => d.GetProperty("this").GetProperty("tested").GetInt32()));
        Assert.True(view.GetProperty("total").GetProperty("last").GetProperty("tested").GetInt32() > 0);
        Assert.False(view.GetProperty("mayKeep").GetBoolean());

        var student = await app.StudentAsync("P2", "1");
        var district = await app.ClientAsync("shinan.admin");
        var school = await (await district.GetAsync($"/api/growth/health?school={student.SchoolCode}")).JsonAsync();
        var classes = school.GetProperty("classes").EnumerateArray().ToList();
        var line = classes.Single(c => c.GetProperty("code").GetString() == student.ClassName).GetProperty("this");
        var path = $"/api/growth/health/{student.SchoolCode}/classes/{Uri.EscapeDataString(student.ClassName)}";
        var list = await (await district.GetAsync(path)).JsonAsync();
        var students = list.GetProperty("students").EnumerateArray().ToList();
        // The class's counts are its children's results.
        Assert.Equal(line.GetProperty("tested").GetInt32(), students.Count(s => s.GetProperty("total").ValueKind == JsonValueKind.Number));
        Assert.Equal(line.GetProperty("passed").GetInt32(), students.Count(s => s.GetProperty("total").ValueKind == JsonValueKind.Number && s.GetProperty("total").GetDouble() >= 60));
        Assert.Contains(students, s => s.GetProperty("studentNumber").GetString() == student.StudentNumber && s.GetProperty("name").GetString()!.Length > 0);
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "growth.health-read" && a.EntityKey == $"{student.SchoolCode}/{student.ClassName}")));

        // Department staff see the figures, not the children; a teacher neither; another district's administrator finds no school.
        var department = await app.ClientAsync(await app.NewAccountAsync("health.dept", Qedu.Kernel.Access.Roles.DepartmentStaff, TestWorld.City));
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync("/api/growth/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync(path)).StatusCode);
        var teacher = await app.ClientAsync(await app.NewAccountAsync("health.teacher", Qedu.Kernel.Access.Roles.Teacher, student.SchoolCode));
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/growth/health")).StatusCode);
        var shibei = await app.ClientAsync(await app.NewAccountAsync("health.shibei", Qedu.Kernel.Access.Roles.DistrictAdmin, TestWorld.Shibei));
        Assert.Equal(HttpStatusCode.NotFound, (await shibei.GetAsync(path)).StatusCode);

        // The pages: the city's figures by district; the school's classes linked to their lists for the district.
        var page = await city.GetStringAsync("/growth/health");
        Assert.Contains("data-testid=\"health-districts\"", page, StringComparison.Ordinal);
        var schoolPage = await district.GetStringAsync($"/growth/health?school={student.SchoolCode}");
        Assert.Contains($"/growth/health/{student.SchoolCode}/classes/", schoolPage, StringComparison.Ordinal);
        var classPage = await district.GetStringAsync(path["/api".Length..]);
        Assert.Contains($"data-student=\"{student.StudentNumber}\"", classPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imported_result_moves_the_schools_facts_and_the_pass_rate_is_the_schools_ratio()
    {
        var student = await app.StudentAsync("P4", "2", skip: 1);
        var year = HealthFile.SchoolYearOf(Today);
        var period = year.ToString(CultureInfo.InvariantCulture);
        var before = await FactsAsync(period);
        // A failing result (nothing but the body measured) for a child whose demo result may have passed: the passed count
        // moves by the difference, the tested count not at all.
        var earlier = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().Fitness.AsNoTracking()
            .Where(f => f.StudentId == student.StudentId && f.SchoolYear == year).Select(f => new { f.Exempt, f.Level }).SingleOrDefaultAsync());
        var wasTested = earlier is { Exempt: false };
        var wasPassing = wasTested && earlier!.Level >= FitnessLevel.Pass;
        var district = await app.ClientAsync("shinan.admin");
        using (var imported = await district.PostAsync("/api/growth/fitness/import",
            Upload($"{FitnessHeader}\n{student.StudentNumber},女,130,26,100,30,-40,0,0,,,,,,\n", false, "testedOn")))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        var after = await FactsAsync(period);
        decimal Change(string fact) => (after.Get(student.SchoolId, fact) ?? 0) - (before.Get(student.SchoolId, fact) ?? 0);
        Assert.Equal((wasTested ? 0m : 1m, wasPassing ? -1m : 0m), (Change("student-fitness.tested"), Change("student-fitness.passed")));

        var computed = await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorComputation>().ComputeAsync(period, store: false, default));
        var rate = computed.Values.Single(v => v.OrgUnitId == student.SchoolId && v.IndicatorCode == "student-fitness-pass-rate");
        var (passed, tested) = (after.Get(student.SchoolId, "student-fitness.passed")!.Value, after.Get(student.SchoolId, "student-fitness.tested")!.Value);
        Assert.Equal((passed, tested, Math.Round(100m * passed / tested, 1)), (rate.Numerator, rate.Denominator, rate.Value));
        Assert.Contains(computed.Values, v => v.IndicatorCode == "student-myopia-rate" && v.Value > 0);
    }

    private Task<FactTable> FactsAsync(string period) => app.AsSystemAsync(async sp =>
    {
        var units = (await sp.GetRequiredService<OrgTree>().OfKindPastScopeAsync([OrgUnitKind.School, OrgUnitKind.District, OrgUnitKind.City])).ToDictionary(u => u.Id);
        var table = new FactTable();
        await sp.GetServices<IFactSource>().OfType<GrowthFacts>().Single().AddFactsAsync(new FactContext(period, units, sp.GetRequiredService<CodeBook>(), table), default);
        return table;
    });

    private Task<string> OtherSchoolAsync(string schoolCode) => app.KernelAsync(db => db.OrgUnits
        .Where(o => o.Parent!.Code == TestWorld.Shinan && o.Kind == OrgUnitKind.School && o.Code != schoolCode).OrderBy(o => o.Code).Select(o => o.Code).FirstAsync());

    private Task<string> ResultsAsync(params long[] students) => app.AsSystemAsync(async sp =>
        string.Join(";", await sp.GetRequiredService<GrowthDb>().Fitness.AsNoTracking().Where(f => students.Contains(f.StudentId))
            .OrderBy(f => f.Id).Select(f => f.Id + ":" + f.Total).ToListAsync()));
}
