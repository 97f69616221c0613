using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Data;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Growth;

/// <summary>
/// Teaching at home (送教上门): a plan only for a child the registry flags with a disability and at least the rules'
/// minimum, one open plan per child, the reason encrypted, visits recorded and counted against the plan.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HomeTeachingTests(WebApp app)
{
    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_school_plans_teaching_at_home_and_records_the_visits()
    {
        var (code, child, other) = await app.AsSystemAsync(async sp =>
        {
            var registry = sp.GetRequiredService<RegistryDb>();
            var planned = await sp.GetRequiredService<GrowthDb>().HomeTeachingPlans.Select(p => p.StudentId).ToListAsync();
            var student = await registry.Students.Where(s => s.HasDisability && s.StatusCode == "01" && !planned.Contains(s.Id)
                    && registry.Students.Any(o => o.OrgUnitId == s.OrgUnitId && !o.HasDisability && o.StatusCode == "01")).OrderByDescending(s => s.Id)
                .Select(s => new { s.Id, s.OrgUnitId }).FirstAsync();
            var notDisabled = await registry.Students.Where(s => s.OrgUnitId == student.OrgUnitId && !s.HasDisability && s.StatusCode == "01").Select(s => s.Id).FirstAsync();
            var school = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.Where(o => o.Id == student.OrgUnitId).Select(o => o.Code).SingleAsync();
            return (school, student.Id, notDisabled);
        });
        var school = await app.ClientAsync(await app.NewAccountAsync("home.admin", Roles.SchoolAdmin, code));
        const string reason = "肢体残疾二级，行动不便";

        // Below the minimum, not a child with a disability: each field named.
        using (var bad = await school.PostAsJsonAsync("/api/growth/home-teaching/plans",
                   new { studentId = other, reason = "", teachers = "", visitsPerMonth = 1, hoursPerVisit = 1, startsOn = Day(Today) }))
        {
            Assert.Equal(["hoursPerVisit", "reason", "studentId", "teachers", "visitsPerMonth"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        var plan = new { studentId = child, reason, teachers = "王老师、康复师李老师", visitsPerMonth = 2, hoursPerVisit = 2.0, startsOn = Day(Today.AddDays(-20)) };
        long id;
        using (var started = await school.PostAsJsonAsync("/api/growth/home-teaching/plans", plan))
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            id = (await started.JsonAsync()).GetProperty("id").GetInt64();
        }
        Assert.Equal(HttpStatusCode.Conflict, (await school.PostAsJsonAsync("/api/growth/home-teaching/plans", plan)).StatusCode);
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().HomeTeachingPlans.Where(p => p.Id == id).Select(p => p.Reason).SingleAsync());
        Assert.DoesNotContain("残疾", System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);

        // Visits: not before the plan, not in the future; then one counted this month.
        using (var bad = await school.PostAsJsonAsync($"/api/growth/home-teaching/plans/{id}/visits", new { day = Day(Today.AddDays(-30)), teachers = "王老师", hours = 0, content = "" }))
        {
            Assert.Equal(["content", "day", "hours"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync($"/api/growth/home-teaching/plans/{id}/visits",
            new { day = Day(Today), teachers = "王老师", hours = 2, content = "识字与精细动作训练" })).StatusCode);
        var view = await (await school.GetAsync($"/api/growth/home-teaching?school={code}")).JsonAsync();
        var line = view.GetProperty("schoolPlans").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == id);
        Assert.Equal((reason, 1), (line.GetProperty("reason").GetString(), line.GetProperty("visitsThisMonth").GetInt32()));
        Assert.DoesNotContain(view.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("studentId").GetInt64() == child);
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "growth.care-read" && a.Details!.Contains("home teaching"))));

        // Ended: no more visits; a teacher has no part in it.
        Assert.Equal(HttpStatusCode.OK, (await school.PostAsync($"/api/growth/home-teaching/plans/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await school.PostAsJsonAsync($"/api/growth/home-teaching/plans/{id}/visits",
            new { day = Day(Today), teachers = "王老师", hours = 2, content = "复习" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("teacher")).GetAsync("/api/growth/home-teaching")).StatusCode);
    }
}
