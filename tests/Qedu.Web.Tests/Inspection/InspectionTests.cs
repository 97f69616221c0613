using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Inspection.Features.Assignments;
using Qedu.Inspection.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Inspection;

/// <summary>
/// Education inspection (督导): responsible inspectors assigned by the district (one per school, at most five schools
/// each), a visit's findings put right by the school and verified by the inspector through the shared rectification,
/// evaluations scored against a scheme as data (a hand-worked weighted total), the expert library.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InspectionTests(WebApp app)
{
    private static string Today => CityDate.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The district these tests inspect in: not 市南区, whose schools the demo's inspector keeps.</summary>
    private const string District = "370211";

    private Task<List<string>> FreeSchoolsAsync() => app.KernelAsync(async db =>
    {
        var district = await db.OrgUnits.SingleAsync(o => o.Code == District);
        var ids = db.OrgClosure.Where(c => c.AncestorId == district.Id).Select(c => c.DescendantId);
        return await db.OrgUnits.Where(o => ids.Contains(o.Id) && o.Kind == OrgUnitKind.School).OrderBy(o => o.Code).Select(o => o.Code).ToListAsync();
    });

    private async Task<HttpClient> AsAsync(string hint, string role, string scope = District) => await app.ClientAsync(await app.NewAccountAsync(hint, role, scope));

    [Fact]
    public async Task The_district_assigns_responsible_inspectors_one_per_school()
    {
        var schools = await FreeSchoolsAsync();
        var district = await AsAsync("insp.district", Roles.DistrictAdmin);
        // 市南区's inspector is not this district's.
        using (var foreign = await district.PostAsJsonAsync("/api/inspection/assignments", new { school = schools[0], inspector = "shinan.inspector" }))
        {
            Assert.Equal(["inspector"], (await foreign.ProblemAsync()).Errors.Keys);
        }
        var fresh = await app.NewAccountAsync("insp.new", Roles.Inspector, District);
        await OkJsonAsync(await district.PostAsJsonAsync("/api/inspection/assignments", new { school = schools[0], inspector = fresh }));
        var second = await app.NewAccountAsync("insp.second", Roles.Inspector, District);
        await OkJsonAsync(await district.PostAsJsonAsync("/api/inspection/assignments", new { school = schools[0], inspector = second }));
        var overview = await OkJsonAsync(await district.GetAsync("/api/inspection/"));
        var line = overview.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("code").GetString() == schools[0]);
        Assert.EndsWith(second, line.GetProperty("inspector").GetString());
        Assert.Equal(0, overview.GetProperty("inspectors").EnumerateArray().Single(i => i.GetProperty("userName").GetString() == fresh).GetProperty("schools").GetInt32());

        using (var notInspector = await district.PostAsJsonAsync("/api/inspection/assignments", new { school = schools[0], inspector = "school.admin" }))
        {
            Assert.Equal(["inspector"], (await notInspector.ProblemAsync()).Errors.Keys);
        }
        var elsewhere = await AsAsync("lao.admin", Roles.DistrictAdmin, "370203");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync("/api/inspection/assignments", new { school = schools[0], inspector = fresh })).StatusCode);
    }

    [Fact]
    public async Task An_inspector_keeps_no_more_schools_than_the_rules_allow()
    {
        // The demo's districts have four or five schools, the rules allow five each: the same use case with a limit of two.
        var schools = await FreeSchoolsAsync();
        var inspector = await app.NewAccountAsync("insp.limit", Roles.Inspector, District);
        var outcomes = await app.AsSystemAsync(async sp =>
        {
            var rules = sp.GetRequiredService<InspectionRules>();
            var two = new InspectionRules
            {
                Edition = rules.Edition, Source = rules.Source, MaxSchoolsPerInspector = 2, FindingDueDays = rules.FindingDueDays,
                RecheckAfterDays = rules.RecheckAfterDays, Levels = rules.Levels, Schemes = rules.Schemes,
            };
            var assignments = ActivatorUtilities.CreateInstance<InspectorAssignments>(sp, two);
            var results = new List<Qedu.Kernel.Web.Outcome<long>>();
            foreach (var school in new[] { schools[0], schools[1], schools[0], schools[2] })
            {
                results.Add(await assignments.AssignAsync(new AssignInput(school, inspector)));
            }
            return results;
        });
        // Two schools taken; the first again is no third school; a third is refused, naming the inspector and the limit.
        Assert.True(outcomes[0].IsOk && outcomes[1].IsOk && outcomes[2].IsOk);
        Assert.Equal(Qedu.Kernel.Web.OutcomeKind.Conflict, outcomes[3].Kind);
        Assert.Contains("2", outcomes[3].Errors!.ToDictionary()["inspector"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visits_findings_go_to_the_school_to_put_right_and_back_to_the_inspector_to_verify()
    {
        var code = (await FreeSchoolsAsync())[1];
        var inspector = await AsAsync("insp.visitor", Roles.Inspector);
        var created = await OkJsonAsync(await inspector.PostAsJsonAsync("/api/inspection/visits/", new
        {
            school = code, kind = "Special", on = Today, topic = "课后服务", report = "课后服务开展情况总体良好。",
            findings = new object[] { new { text = "课后服务收费公示不到位。" }, new { text = "部分教师未签订课后服务协议。", serious = true } },
        }));
        var visit = await OkJsonAsync(await inspector.GetAsync($"/api/inspection/visits/{created.GetProperty("id").GetInt64()}"));
        var findings = visit.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("Open", f.GetProperty("state").GetString()));
        var item = findings[0].GetProperty("rectificationId").GetInt64();

        var school = await app.ClientAsync(await app.NewAccountAsync("insp.school", Roles.SchoolAdmin, code));
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsJsonAsync("/api/inspection/visits/", new { school = code, kind = "Routine", on = Today, topic = "x", report = "x" })).StatusCode);
        Assert.Equal("Fixed", (await OkJsonAsync(await school.PostAsJsonAsync($"/api/rectifications/{item}/fix", new { text = "已在校门口和公众号公示收费标准。" }))).GetProperty("state").GetString());
        Assert.Equal("Verified", (await OkJsonAsync(await inspector.PostAsJsonAsync($"/api/rectifications/{item}/verify", new { accept = true }))).GetProperty("state").GetString());
        var board = await OkJsonAsync(await school.GetAsync("/api/rectifications?kind=inspection.visit&state=all"));
        Assert.Contains(board.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == item && i.GetProperty("state").GetString() == "Verified");

        using var bad = await inspector.PostAsJsonAsync("/api/inspection/visits/", new { school = code, kind = "Party", topic = "", report = "" });
        Assert.Equal(["kind", "on", "report", "topic"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_evaluation_totals_its_weighted_scores_once_every_indicator_is_scored()
    {
        var code = (await FreeSchoolsAsync())[2];
        var district = await AsAsync("eval.district", Roles.DistrictAdmin);
        var year = 2031;
        var id = (await OkJsonAsync(await district.PostAsJsonAsync("/api/inspection/evaluations/", new { unit = code, scheme = "school", year }))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsJsonAsync("/api/inspection/evaluations/", new { unit = code, scheme = "school", year })).StatusCode);
        var inspector = await AsAsync("eval.inspector", Roles.Inspector);
        var part = await OkJsonAsync(await inspector.PutAsJsonAsync($"/api/inspection/evaluations/{id}/scores", new object[] { new { indicator = "direction", score = 95, evidence = "思政课开齐。" } }));
        Assert.Equal(JsonValueKind.Null, part.GetProperty("total").ValueKind);
        // 95×15% + 88×20% + 84×25% + 90×15% + 86×15% + 80×10% = 14.25 + 17.6 + 21 + 13.5 + 12.9 + 8 = 87.25 → 87.3, 良好 (80 ≤ 87.3 < 90).
        var full = await OkJsonAsync(await inspector.PutAsJsonAsync($"/api/inspection/evaluations/{id}/scores", new object[]
        {
            new { indicator = "management", score = 88, evidence = "章程修订完成。" }, new { indicator = "teaching", score = 84, evidence = "作业公示需完善。" },
            new { indicator = "teachers", score = 90, evidence = "培训学时达标。" }, new { indicator = "students", score = 86, evidence = "体测达标率 93%。" },
            new { indicator = "safety", score = 80, evidence = "隐患整改中。" },
        }));
        Assert.Equal((87.3m, "good"), (full.GetProperty("total").GetDecimal(), full.GetProperty("level").GetString()));
        using (var bad = await inspector.PutAsJsonAsync($"/api/inspection/evaluations/{id}/scores", new object[] { new { indicator = "sport", score = 120, evidence = "" } }))
        {
            Assert.Equal(["scores[0].evidence", "scores[0].indicator", "scores[0].score"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        var school = await app.ClientAsync(await app.NewAccountAsync("eval.school", Roles.SchoolAdmin, code));
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PutAsJsonAsync($"/api/inspection/evaluations/{id}/scores", new object[] { new { indicator = "safety", score = 100, evidence = "x" } })).StatusCode);
        Assert.False((await OkJsonAsync(await school.GetAsync($"/api/inspection/evaluations/{id}"))).GetProperty("canScore").GetBoolean());
    }

    [Fact]
    public async Task The_bureau_keeps_its_expert_library_the_city_sees_it_and_another_district_does_not()
    {
        var district = await AsAsync("expert.district", Roles.DistrictAdmin);
        var name = $"专家{Guid.NewGuid():N}"[..10];
        Assert.Equal(HttpStatusCode.Created, (await district.PostAsJsonAsync("/api/inspection/experts/", new { kind = "Expert", name, field = "特殊教育", organisation = "区教研室" })).StatusCode);
        var atCity = await OkJsonAsync(await (await app.ClientAsync("city.admin")).GetAsync("/api/inspection/experts/?field=特殊教育"));
        Assert.Contains(atCity.EnumerateArray(), e => e.GetProperty("name").GetString() == name);
        var elsewhere = await OkJsonAsync(await (await AsAsync("expert.other", Roles.DistrictAdmin, "370203")).GetAsync("/api/inspection/experts/?field=特殊教育"));
        Assert.DoesNotContain(elsewhere.EnumerateArray(), e => e.GetProperty("name").GetString() == name);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("school.admin")).PostAsJsonAsync("/api/inspection/experts/", new { kind = "Expert", name = "x", field = "x", organisation = "x" })).StatusCode);
        using var bad = await district.PostAsJsonAsync("/api/inspection/experts/", new { kind = "Robot" });
        Assert.Equal(["field", "kind", "name", "organisation"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
    }
}
