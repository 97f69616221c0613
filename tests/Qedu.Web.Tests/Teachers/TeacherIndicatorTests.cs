using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Computation;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Teachers.Rules;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Teachers.TeacherWorld;

namespace Qedu.Web.Tests.Teachers;

/// <summary>
/// The teachers' figures reach the indicators: a teacher certified, made a backbone teacher and brought on pace moves
/// their school's counts by one each, a report counts at the district that handles it, and the coverage indicator is
/// the school's own ratio.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TeacherIndicatorTests(WebApp app)
{
    private static string Period => Today.Year.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_certified_backbone_teacher_on_pace_and_a_report_move_the_facts_and_the_coverage_is_the_schools_ratio()
    {
        var (schoolCode, staffId) = await app.NewTeacherAsync("指标");
        var (schoolId, districtId) = await app.AsSystemAsync(async sp =>
        {
            var school = (await sp.GetRequiredService<OrgTree>().FindAsync(schoolCode))!;
            return (school.Id, school.ParentId!.Value);
        });
        var before = await FactsAsync();

        var district = await app.ClientAsync("shinan.admin");
        var number = $"I{Guid.NewGuid().ToString("N")[..12]}".ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Created, (await district.PostAsJsonAsync($"/api/teachers/{staffId}/certificates",
            new { type = "Primary", subject = "数学", number, issuedOn = Day(Today.AddYears(-1)), lastRegisteredOn = (string?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await district.PostAsJsonAsync($"/api/teachers/{staffId}/backbone",
            new { level = "District", awardedBy = "市南区教育和体育局", from = Day(Today.AddMonths(-1)), to = Day(Today.AddYears(2)) })).StatusCode);
        var rules = app.Services.GetRequiredService<TeacherRules>().Training;
        for (var owed = rules.Owed(rules.CycleOf(Today), null, Today).Expected; owed > 0; owed -= 200)
        {
            Assert.Equal(HttpStatusCode.Created, (await district.PostAsJsonAsync($"/api/teachers/{staffId}/training",
                new { title = "大单元教学专题", category = "Pedagogy", hours = Math.Min(owed, 200), completedOn = Day(Today) })).StatusCode);
        }
        await app.FileReportAsync(schoolCode);
        var after = await FactsAsync();

        decimal Change(int unit, string fact) => (after.Get(unit, fact) ?? 0) - (before.Get(unit, fact) ?? 0);
        Assert.Equal((0m, 1m, 1m, 1m), (Change(schoolId, "teacher-records.teachers"), Change(schoolId, "teacher-records.certified"),
            Change(schoolId, "teacher-records.backbone"), Change(schoolId, "teacher-records.training-on-pace")));
        Assert.Equal(1m, Change(districtId, "teacher-reports.received"));
        Assert.Null(after.Get(schoolId, "teacher-reports.received"));

        var computed = await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorComputation>().ComputeAsync(Period, store: false, default));
        var coverage = computed.Values.Single(v => v.OrgUnitId == schoolId && v.IndicatorCode == "teacher-certificate-coverage");
        var (certified, teachers) = (after.Get(schoolId, "teacher-records.certified")!.Value, after.Get(schoolId, "teacher-records.teachers")!.Value);
        Assert.Equal((certified, teachers, Math.Round(100m * certified / teachers, 1)), (coverage.Numerator, coverage.Denominator, coverage.Value));
        Assert.Contains(computed.Values, v => v.OrgUnitId == districtId && v.IndicatorCode == "teacher-reports-per-1000" && v.Value > 0);
    }

    /// <summary>The teachers module's facts for this year, every unit (before the roll-up).</summary>
    private Task<FactTable> FactsAsync() => app.AsSystemAsync(async sp =>
    {
        var units = (await sp.GetRequiredService<OrgTree>().OfKindPastScopeAsync([OrgUnitKind.School, OrgUnitKind.District, OrgUnitKind.City])).ToDictionary(u => u.Id);
        var table = new FactTable();
        await sp.GetServices<IFactSource>().OfType<TeacherFacts>().Single().AddFactsAsync(new FactContext(Period, units, sp.GetRequiredService<CodeBook>(), table), default);
        return table;
    });
}
