using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Data;
using Qedu.Plans.Data;
using Qedu.Plans.DemoData;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Platform;

/// <summary>
/// The demo city as a new user meets it on first start: a published plan with reports, a 督办单, overdue tasks and
/// targets bound to indicators, so the leader overview, the plans list, the workload and the overdue list are not
/// empty; and seat figures a bureau would believe.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DemoCityTests(WebApp app)
{
    private const string Owner = "city.admin";

    private async Task<JsonElement> DemoPlanAsync(HttpClient client)
    {
        var plans = await (await client.GetAsync("/api/plans")).JsonAsync();
        var imported = await app.AsSystemAsync(sp => sp.GetRequiredService<PlansDb>().Plans
            .Where(p => p.SourceFileName == PlansDemoSeedStep.FileName).Select(p => p.Id).SingleAsync());
        return plans.EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == imported);
    }

    [Fact]
    public async Task The_demo_plan_is_published_with_reports_a_notice_and_overdue_tasks()
    {
        var owner = await app.ClientAsync(Owner);
        var plan = await DemoPlanAsync(owner);
        Assert.Equal("Active", plan.GetProperty("state").GetString());
        var byStatus = plan.GetProperty("byStatus");
        int Count(string status) => byStatus.TryGetProperty(status, out var n) ? n.GetInt32() : 0;
        Assert.True(Count("Done") > 0, byStatus.ToString());
        Assert.True(Count("Overdue") > 0, byStatus.ToString());
        Assert.True(Count("OnTrack") > 0, byStatus.ToString());

        var id = plan.GetProperty("id").GetInt64();
        var (reports, notices, bound) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlansDb>();
            var tasks = db.Tasks.Where(t => t.PlanId == id).Select(t => t.Id);
            return (await db.Reports.CountAsync(r => tasks.Contains(r.TaskId)), await db.Notices.CountAsync(n => tasks.Contains(n.TaskId)),
                await db.Targets.CountAsync(x => tasks.Contains(x.TaskId) && x.IndicatorCode != null));
        });
        Assert.True(reports > 0);
        Assert.True(notices > 0);
        Assert.True(bound > 0);

        // The lists behind the pages: every overdue task of the demo plan is on the overdue list; the workload counts units.
        var overdue = (await (await owner.GetAsync("/api/plans/overdue")).JsonAsync()).EnumerateArray()
            .Where(l => l.GetProperty("planId").GetInt64() == id).ToList();
        Assert.True(overdue.Select(l => l.GetProperty("taskId").GetInt64()).Distinct().Count() >= Count("Overdue"));
        var workload = (await (await owner.GetAsync("/api/plans/workload")).JsonAsync()).EnumerateArray().ToList();
        Assert.NotEmpty(workload);
    }

    [Theory]
    [InlineData("/indicators/overview")]
    [InlineData("/plans")]
    [InlineData("/plans/workload")]
    [InlineData("/plans/overdue")]
    public async Task The_leader_pages_show_the_demo_plan_on_first_start(string path)
    {
        var owner = await app.ClientAsync(Owner);
        var plan = await DemoPlanAsync(owner);
        using var response = await owner.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("empty-state", html, StringComparison.Ordinal);
        if (path != "/plans/workload")
        {
            Assert.Contains(plan.GetProperty("title").GetString()!, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_overview_measures_a_bound_target_of_the_demo_plan_with_the_demo_figure()
    {
        var owner = await app.ClientAsync(Owner);
        var id = (await DemoPlanAsync(owner)).GetProperty("id").GetInt64();
        var html = WebUtility.HtmlDecode(await owner.GetStringAsync("/indicators/overview"));
        var start = html.IndexOf($"data-plan=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        // Seed 001 task 3: campus networks up to standard, measured by the compliance the demo's form round yields.
        var row = Regex.Match(section, "<tr data-indicator=\"campus-network-compliance\".*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, section);
        Assert.Matches("data-testid=\"current\">[0-9]", row.Value);
    }

    [Fact]
    public async Task Seat_use_is_plausible_city_wide_and_some_schools_are_over_capacity()
    {
        var city = await Forms.UnitAsync(app, TestWorld.City);
        var values = await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorsDb>().Snapshots.AsNoTracking()
            .Where(s => s.IndicatorCode == "seat-utilisation").ToListAsync());
        var latest = values.Max(v => v.Period);
        var cityUse = values.Single(v => v.Period == latest && v.OrgUnitId == city.Id).Value;
        Assert.InRange(cityUse, 85m, 105m);
        var schools = values.Where(v => v.Period == latest).ToList();
        Assert.Contains(schools, v => v.Value > 100m);
        Assert.DoesNotContain(schools, v => v.Value < 50m);
    }
}
