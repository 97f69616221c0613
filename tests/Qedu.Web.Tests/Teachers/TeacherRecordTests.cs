using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Calendar;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Registry.RegistryPages;
using static Qedu.Web.Tests.Teachers.TeacherWorld;

namespace Qedu.Web.Tests.Teachers;

/// <summary>
/// A teacher's professional record: certificates and their five-yearly registration, titles over time, backbone awards,
/// honours and studios, kept by the teacher's school (or district) and read as far as the caller's scope reaches;
/// refusals by field in Chinese and English; the establishment (编制) counted from the registry.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TeacherRecordTests(WebApp app)
{
    private static int _sequence = Random.Shared.Next(1_000_000);

    private static string CertificateNumber() => $"T{Interlocked.Increment(ref _sequence):D9}";

    [Fact]
    public async Task A_school_records_a_certificate_and_its_registration_and_the_next_falls_due_five_years_on()
    {
        var staffId = await Records.StaffAtAsync(app, TestWorld.AnchorSchool);
        var school = await app.ClientAsync("school.admin");
        var number = CertificateNumber();
        var issued = Today.AddYears(-12);

        using var created = await school.PostAsJsonAsync($"/api/teachers/{staffId}/certificates",
            new { type = "Primary", subject = "数学", number, issuedOn = Day(issued), lastRegisteredOn = Day(issued.AddYears(5)) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var certificateId = (await created.JsonAsync()).GetProperty("id").GetInt64();

        // Last registered seven years ago: past due (two years). A registration today moves the next to five years on.
        var before = await CertificateAsync(school, staffId, number);
        Assert.Equal(("Overdue", Day(issued.AddYears(10))), (before.GetProperty("registrationState").GetString(), before.GetProperty("nextRegistrationDue").GetString()));
        using (var registered = await school.PostAsJsonAsync($"/api/teachers/{staffId}/certificates/{certificateId}/registrations", new { registeredOn = Day(Today) }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        var after = await CertificateAsync(school, staffId, number);
        Assert.Equal(("Current", Day(Today.AddYears(5))), (after.GetProperty("registrationState").GetString(), after.GetProperty("nextRegistrationDue").GetString()));
        Assert.Equal(2, after.GetProperty("registrations").GetArrayLength());

        // The same day twice is refused; the number is the city's, so a second certificate under it is refused too.
        using var twice = await school.PostAsJsonAsync($"/api/teachers/{staffId}/certificates/{certificateId}/registrations", new { registeredOn = Day(Today) });
        Assert.Contains("registeredOn", (await twice.ProblemAsync()).Errors.Keys);
        using var taken = await school.PostAsJsonAsync($"/api/teachers/{staffId}/certificates", new { type = "Primary", subject = "数学", number, issuedOn = Day(issued) });
        Assert.Equal(app.Text<TeachersText>("Records.CertificateTaken").Replace("{0}", number, StringComparison.Ordinal), (await taken.ProblemAsync()).Errors["number"][0]);

        // Another district's administrator does not see the teacher; a teacher holds no teachers.read at all.
        using var elsewhere = await (await app.ClientAsync(await app.NewAccountAsync("teachers-shibei", Qedu.Kernel.Access.Roles.DistrictAdmin, TestWorld.Shibei)))
            .GetAsync($"/api/teachers/{staffId}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var teacher = await (await app.ClientAsync("teacher")).GetAsync($"/api/teachers/{staffId}");
        Assert.Equal(HttpStatusCode.Forbidden, teacher.StatusCode);
    }

    [Fact]
    public async Task Bad_records_are_refused_by_field_in_the_callers_language_and_nothing_is_written()
    {
        var staffId = await Records.StaffAtAsync(app, TestWorld.AnchorSchool);
        var school = await app.ClientAsync("school.admin");
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Certificates.CountAsync());
        var body = new { type = "Teacher", subject = "", number = "12", issuedOn = Day(Today.AddDays(3)) };

        foreach (var (language, english) in new[] { ("zh-CN", false), ("en", true) })
        {
            using var response = await school.SendAsync(Http.Request(HttpMethod.Post, $"/api/teachers/{staffId}/certificates", Http.Json(body), language));
            var problem = await response.ProblemAsync();
            Assert.Equal(400, problem.Status);
            Assert.Equal(["issuedOn", "number", "type"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(app.Text<TeachersText>("Records.PastDate", english), problem.Errors["issuedOn"][0]);
            Assert.Equal(app.Text<TeachersText>("Records.CertificateNumber", english), problem.Errors["number"][0]);
        }
        Assert.Equal(before, await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Certificates.CountAsync()));
    }

    [Fact]
    public async Task A_promotion_ends_the_title_held_and_the_history_stays()
    {
        // A new member of staff: no demo titles.
        var (_, staffId) = await app.NewTeacherAsync("职称");
        var district = await app.ClientAsync("shinan.admin");
        var earlier = Today.AddYears(-6);
        using (var a = await district.PostAsJsonAsync($"/api/teachers/{staffId}/titles", new { titleCode = "3", from = Day(earlier) }))
        {
            Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        }
        using (var b = await district.PostAsJsonAsync($"/api/teachers/{staffId}/titles", new { titleCode = "2", from = Day(Today.AddDays(-10)) }))
        {
            Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        }
        using (var older = await district.PostAsJsonAsync($"/api/teachers/{staffId}/titles", new { titleCode = "1", from = Day(earlier.AddDays(1)) }))
        {
            Assert.Contains("from", (await older.ProblemAsync()).Errors.Keys);
        }
        var titles = (await (await district.GetAsync($"/api/teachers/{staffId}")).JsonAsync()).GetProperty("titles").EnumerateArray()
            .Select(t => (t.GetProperty("titleCode").GetString(), t.GetProperty("from").GetString(),
                t.GetProperty("to").ValueKind == System.Text.Json.JsonValueKind.Null ? null : t.GetProperty("to").GetString()))
            .ToList();
        Assert.Equal([("2", Day(Today.AddDays(-10)), null), ("3", Day(earlier), Day(Today.AddDays(-10)))], titles);

        // The page shows both, newest first, and the forms to add more for the district that keeps the record.
        var html = await PageAsync(district, $"/teachers/{staffId}");
        Assert.Equal(2, Cells(html, "title").Count);
        Assert.Contains("data-testid=\"add-records\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_page_adds_a_certificate_and_registers_it_and_names_a_bad_field_beside_it()
    {
        var (_, staffId) = await app.NewTeacherAsync("证书");
        var district = await app.ClientAsync("shinan.admin");
        var path = $"/teachers/{staffId}";
        var number = CertificateNumber();

        using (var bad = await PageForms.SubmitAsync(district, path, "certificate", new Dictionary<string, string>
        {
            ["Certificate.Type"] = "Primary", ["Certificate.Subject"] = "数学", ["Certificate.Number"] = number, ["Certificate.IssuedOn"] = "明天",
        }))
        {
            Assert.Equal(app.Text<TeachersText>("Records.PastDate"), (await bad.FieldErrorsAsync())["issuedOn"]);
        }
        using (var added = await PageForms.SubmitAsync(district, path, "certificate", new Dictionary<string, string>
        {
            ["Certificate.Type"] = "Primary", ["Certificate.Subject"] = "数学", ["Certificate.Number"] = number, ["Certificate.IssuedOn"] = Day(Today.AddYears(-6)),
        }))
        {
            Assert.Equal(path, added.RedirectPath());
        }
        var certificateId = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Certificates.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        Assert.Equal(["Overdue"], Cells(await PageAsync(district, path), "registration-state").Select(State).ToList());
        using (var registered = await PageForms.SubmitAsync(district, path, $"register-{certificateId}", new Dictionary<string, string> { ["Register.RegisteredOn"] = Day(Today) }))
        {
            Assert.Equal(path, registered.RedirectPath());
        }
        Assert.Equal(["Current"], Cells(await PageAsync(district, path), "registration-state").Select(State).ToList());
    }

    /// <summary>The state a badge's text names, in the app's Chinese.</summary>
    private string State(string badge) => RegistrationStates.Single(s => app.Text<TeachersText>($"Registration.{s}") == badge);

    private static readonly string[] RegistrationStates = ["Current", "DueSoon", "Overdue"];

    [Fact]
    public async Task A_studio_hosted_at_one_school_shows_on_a_member_at_another_and_the_district_keeps_both()
    {
        var schools = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shinan && o.Kind == Qedu.Kernel.OrgUnits.OrgUnitKind.School)
            .OrderBy(o => o.Code).Select(o => o.Code).Take(2).ToListAsync());
        var host = await Records.StaffAtAsync(app, schools[0]);
        var member = await Records.StaffAtAsync(app, schools[1]);
        var district = await app.ClientAsync("shinan.admin");
        var name = $"测试名师工作室{_sequence}";

        using var opened = await district.PostAsJsonAsync("/api/teachers/studios", new { kind = "Teacher", level = "District", name, hostStaffId = host, from = Day(Today.AddYears(-1)) });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var studioId = (await opened.JsonAsync()).GetProperty("id").GetInt64();
        using (var joined = await district.PostAsJsonAsync($"/api/teachers/studios/{studioId}/members", new { staffId = member, from = Day(Today.AddMonths(-6)) }))
        {
            Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        }
        using (var again = await district.PostAsJsonAsync($"/api/teachers/studios/{studioId}/members", new { staffId = member, from = Day(Today) }))
        {
            Assert.Contains("staffId", (await again.ProblemAsync()).Errors.Keys);
        }

        var studio = (await (await district.GetAsync($"/api/teachers/{member}")).JsonAsync()).GetProperty("studios").EnumerateArray()
            .Single(s => s.GetProperty("id").GetInt64() == studioId);
        Assert.False(studio.GetProperty("hosts").GetBoolean());
        Assert.Equal(1, studio.GetProperty("members").GetInt32());
        Assert.Equal(name, studio.GetProperty("name").GetString());

        // A school administrator elsewhere cannot open a studio for another school's teacher.
        using var school = await (await app.ClientAsync("school.admin")).PostAsJsonAsync("/api/teachers/studios",
            new { kind = "Teacher", level = "School", name, hostStaffId = await Records.StaffAtAsync(app, schools.First(s => s != TestWorld.AnchorSchool)), from = Day(Today) });
        Assert.Contains("hostStaffId", (await school.ProblemAsync()).Errors.Keys);
    }

    [Fact]
    public async Task The_establishment_counts_established_staff_from_the_registry_and_only_a_bureau_sets_a_quota()
    {
        var school = await Forms.UnitAsync(app, TestWorld.AnchorSchool);
        var year = Today.Year;
        using (var set = await (await app.ClientAsync("shinan.admin")).PutAsJsonAsync("/api/teachers/establishment",
            new { school = TestWorld.AnchorSchool, year, subject = "", quota = 500 }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }
        using (var own = await (await app.ClientAsync("school.admin")).PutAsJsonAsync("/api/teachers/establishment",
            new { school = TestWorld.AnchorSchool, year, subject = "", quota = 900 }))
        {
            Assert.Contains("school", (await own.ProblemAsync()).Errors.Keys);
        }
        using (var bad = await (await app.ClientAsync("shinan.admin")).PutAsJsonAsync("/api/teachers/establishment",
            new { school = TestWorld.AnchorSchool, year = year + 5, subject = "", quota = -1 }))
        {
            Assert.Equal(["quota", "year"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        }

        var filled = await app.RegistryAsync(db => db.Staff.IgnoreQueryFilters().CountAsync(s => s.OrgUnitId == school.Id && s.EmploymentTypeCode == "1"));
        var row = (await (await (await app.ClientAsync("school.admin")).GetAsync($"/api/teachers/establishment?year={year}")).JsonAsync())
            .GetProperty("schools").EnumerateArray().Single();
        Assert.Equal((TestWorld.AnchorSchool, 500, filled, 500 - filled),
            (row.GetProperty("schoolCode").GetString(), row.GetProperty("quota").GetInt32(), row.GetProperty("filled").GetInt32(), row.GetProperty("vacant").GetInt32()));
        // A school administrator's view has one school: its stage's totals are that school's.
        var stage = (await (await (await app.ClientAsync("school.admin")).GetAsync($"/api/teachers/establishment?year={year}")).JsonAsync())
            .GetProperty("stages").EnumerateArray().Single();
        Assert.Equal((row.GetProperty("stage").GetString(), 500, filled),
            (stage.GetProperty("stage").GetString(), stage.GetProperty("quota").GetInt32(), stage.GetProperty("filled").GetInt32()));
        var html = await PageAsync(await app.ClientAsync("shinan.admin"), $"/teachers/establishment?year={year}");
        Assert.Contains($"data-code=\"{TestWorld.AnchorSchool}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"quota-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"quota-form\"", await PageAsync(await app.ClientAsync("school.admin"), "/teachers/establishment"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_lists_a_certificate_falling_due_and_the_demo_city_has_records()
    {
        var staffId = await Records.StaffAtAsync(app, TestWorld.AnchorSchool);
        var school = await app.ClientAsync("school.admin");
        var number = CertificateNumber();
        using (var created = await school.PostAsJsonAsync($"/api/teachers/{staffId}/certificates",
            new { type = "Primary", subject = "语文", number, issuedOn = Day(Today.AddYears(-5).AddDays(30)) }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var overview = await (await school.GetAsync("/api/teachers/overview")).JsonAsync();
        var due = overview.GetProperty("due").EnumerateArray().Where(d => d.GetProperty("certificateNumber").GetString() == number).ToList();
        // Listed when among the first 50 by date; counted either way.
        Assert.True(due.Count == 1 || overview.GetProperty("registrationsDueSoon").GetInt32() + overview.GetProperty("registrationsOverdue").GetInt32() >= 50);
        Assert.All(due, d => Assert.Equal("DueSoon", d.GetProperty("state").GetString()));
        Assert.True(overview.GetProperty("teachers").GetInt32() > 0);
        Assert.True(overview.GetProperty("certified").GetInt32() > 0, "the demo city gives its teachers certificates");

        var counts = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<TeachersDb>();
            return (await db.Registrations.CountAsync(), await db.Titles.CountAsync(), await db.Backbone.CountAsync(), await db.Studios.CountAsync(),
                await db.Establishment.CountAsync(), await db.Reports.CountAsync(r => r.State == ReportState.Concluded), await db.ReportContacts.CountAsync());
        });
        Assert.True(counts.Item1 > 0 && counts.Item2 > 0 && counts.Item3 > 0 && counts.Item4 >= 2 && counts.Item5 > 0 && counts.Item6 >= 1 && counts.Item7 >= 1,
            $"demo records: {counts}");
        var html = await PageAsync(school, "/teachers");
        Assert.Contains("data-testid=\"figures\"", html, StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.JsonElement> CertificateAsync(HttpClient client, long staffId, string number) =>
        (await (await client.GetAsync($"/api/teachers/{staffId}")).JsonAsync()).GetProperty("certificates").EnumerateArray()
            .Single(c => c.GetProperty("number").GetString() == number);
}
