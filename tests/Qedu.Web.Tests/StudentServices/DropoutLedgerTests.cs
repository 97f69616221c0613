using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.StudentServices.Contracts;
using Qedu.StudentServices.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.StudentServices;

/// <summary>
/// The 控辍保学 ledger: a school reports a child who stopped coming; the school and its district record follow-ups until
/// the child is back; another district sees nothing; the 学籍 stays as it was; the figures count it for the indicators.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DropoutLedgerTests(WebApp app)
{
    private static readonly DateOnly Today = CityDate.Today(TimeProvider.System);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_school_reports_a_dropout_its_district_follows_up_until_the_child_is_back_and_another_district_sees_nothing()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (studentId, _, _) = await world.StudentAsync("韩小松");
        var school = await app.ClientAsync(await app.NewAccountAsync("kc", Roles.SchoolAdmin, world.FromSchoolCode));
        Task<DropoutUnitFigures?> FiguresAsync() => app.AsSystemAsync(async sp =>
            (await sp.GetRequiredService<IStudentServicesStatistics>().DropoutsAsync(Today.Year)).FirstOrDefault(f => f.OrgUnitId == world.FromSchoolId));
        var before = await FiguresAsync() ?? new(world.FromSchoolId, 0, 0, 0);

        using (var bad = await school.PostAsync("/api/services/dropouts", Http.Json(new { studentId, lastAttendedOn = Date(Today.AddDays(2)), reason = "work", details = "" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.ProblemAsync()).Errors;
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, app.Text<ServicesText>("Dropout.LastAttended"), 365), Assert.Single(errors["lastAttendedOn"]));
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, app.Text<ServicesText>("Dropout.Details"), 500), Assert.Single(errors["details"]));
        }
        using (var badReason = await school.PostAsync("/api/services/dropouts", Http.Json(new { studentId, lastAttendedOn = Date(Today), reason = "3", details = "x" })))
        {
            Assert.Equal(app.Text<ServicesText>("Dropout.Reason"), Assert.Single((await badReason.ProblemAsync()).Errors["reason"]));
        }
        using var reported = await school.PostAsync("/api/services/dropouts",
            Http.Json(new { studentId, lastAttendedOn = Date(Today.AddDays(-10)), reason = "work", details = "随父母外出务工" }));
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var created = await reported.JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        Assert.StartsWith("KC", created.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(("open", 10), (created.GetProperty("state").GetString(), created.GetProperty("daysOut").GetInt32()));
        Assert.Contains("*", created.GetProperty("studentNumber").GetString(), StringComparison.Ordinal);
        using (var twice = await school.PostAsync("/api/services/dropouts", Http.Json(new { studentId, lastAttendedOn = Date(Today), reason = "health", details = "再报" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, app.Text<ServicesText>("Dropout.OneOpen"), "韩小松"), (await twice.ProblemAsync()).Errors["studentId"][0]);
        }

        // Another district: absent. The student's district: on its ledger, and it records a follow-up.
        var other = await app.ClientAsync(await app.NewAccountAsync("kc", Roles.DistrictAdmin, world.FarDistrictCode));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/services/dropouts/{id}")).StatusCode);
        using (var theirs = await other.PostAsync($"/api/services/dropouts/{id}/follow-ups", Http.Json(new { on = Date(Today), kind = "call", note = "电话" })))
        {
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        }
        Assert.DoesNotContain((await (await other.GetAsync("/api/services/dropouts")).JsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        var district = await app.ClientAsync(await app.NewAccountAsync("kc", Roles.DistrictAdmin, world.FromDistrictCode));
        Assert.Contains((await (await district.GetAsync("/api/services/dropouts")).JsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        using (var early = await district.PostAsync($"/api/services/dropouts/{id}/follow-ups", Http.Json(new { on = Date(Today.AddDays(-30)), kind = "homeVisit", note = "家访" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("on", (await early.ProblemAsync()).Errors.Keys);
        }
        using (var visit = await district.PostAsync($"/api/services/dropouts/{id}/follow-ups", Http.Json(new { on = Date(Today), kind = "homeVisit", note = "家访，家长同意返校" })))
        {
            Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
            var ledger = (await visit.JsonAsync()).GetProperty("ledger").EnumerateArray().ToList();
            Assert.Equal(("homeVisit", "家访，家长同意返校"), (ledger[0].GetProperty("kind").GetString(), ledger[0].GetProperty("note").GetString()));
        }
        using (var back = await school.PostAsync($"/api/services/dropouts/{id}/end", Http.Json(new { returned = true, on = Date(Today), note = "已返校" })))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
            Assert.Equal("returned", (await back.JsonAsync()).GetProperty("state").GetString());
        }
        using (var after = await school.PostAsync($"/api/services/dropouts/{id}/follow-ups", Http.Json(new { on = Date(Today), kind = "call", note = "回访" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        }

        // The 学籍 was kept throughout; the case counts as reported and returned.
        Assert.Equal(("01", world.FromSchoolId), ((await world.RecordAsync(studentId)).StatusCode, (await world.RecordAsync(studentId)).OrgUnitId));
        var figures = (await FiguresAsync())!;
        Assert.Equal((before.Reported + 1, before.Returned + 1, before.OpenAtEnd), (figures.Reported, figures.Returned, figures.OpenAtEnd));
    }

    [Fact]
    public async Task The_school_reports_from_its_pages_and_the_demo_ledger_shows_an_overdue_follow_up()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (studentId, _, _) = await world.StudentAsync("杜小林");
        var school = await app.ClientAsync(await app.NewAccountAsync("kc", Roles.SchoolAdmin, world.FromSchoolCode));
        var path = $"/services/dropouts/new?school={world.FromSchoolCode}&student={studentId}";
        using var reported = await PageForms.SubmitAsync(school, path, "report", new Dictionary<string, string>
        {
            ["LastAttendedOn"] = Date(Today.AddDays(-3)), ["Reason"] = "Health", ["Details"] = "因病在家，未请假",
        });
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var casePath = reported.RedirectPath()!;
        using var followed = await PageForms.SubmitAsync(school, casePath, "follow-up", new Dictionary<string, string>
        {
            ["On"] = Date(Today), ["Kind"] = "Call", ["Note"] = "电话联系家长，下周复诊后返校",
        });
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        var page = await (await school.GetAsync(casePath)).TextAsync();
        Assert.Contains("电话联系家长，下周复诊后返校", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/services/dropouts/new?school={world.FarSchoolCode}")).StatusCode);

        var shinan = await app.ClientAsync("shinan.admin");
        var ledger = await (await shinan.GetAsync("/services/dropouts")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"follow-up-overdue\"", ledger, StringComparison.Ordinal);
    }
}
