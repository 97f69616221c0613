using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Registry.RegistryPages;
using static Qedu.Web.Tests.Teachers.TeacherWorld;

namespace Qedu.Web.Tests.Teachers;

/// <summary>
/// The public report channel: anyone files a report without signing in and follows it by number and secret; the case
/// goes to the district of the school named; handlers step it through within working-day limits and never see the
/// reporter's contact on any path, which the channel's officer alone opens, with a reason, audited.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ReportChannelTests(WebApp app)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_report_filed_anonymously_is_followed_by_its_secret_and_its_contact_reaches_no_handler()
    {
        var school = await Forms.UnitAsync(app, TestWorld.AnchorSchool);
        var contact = $"1390000{Random.Shared.Next(1000, 9999)}";
        var filed = await app.FileReportAsync(school.Name, contact, withPicture: true);
        var number = filed.GetProperty("number").GetString()!;
        var secret = filed.GetProperty("secret").GetString()!;
        Assert.Matches("^JB-\\d{4}-\\d{6}$", number);

        // Stored: routed to the school's district, the secret only as a hash, the contact encrypted (not its text).
        var stored = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<TeachersDb>();
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Number == number);
            var sealedContact = await db.ReportContacts.AsNoTracking().SingleAsync(c => c.CaseId == report.Id);
            return (report, sealedContact.Encrypted);
        });
        var shinan = await Forms.UnitAsync(app, TestWorld.Shinan);
        Assert.Equal((shinan.Id, school.Id), (stored.report.OrgUnitId, stored.report.SchoolId));
        Assert.DoesNotContain(secret.Replace("-", "", StringComparison.Ordinal), stored.report.SecretHash, StringComparison.Ordinal);
        Assert.DoesNotContain(contact, Encoding.UTF8.GetString(stored.Encrypted), StringComparison.Ordinal);
        var days = await app.Services.GetRequiredService<WorkingCalendar>().CurrentAsync();
        Assert.Equal(days.AddWorkingDays(stored.report.ReceivedOn, 2), stored.report.AcknowledgeBy);
        Assert.Equal(days.AddWorkingDays(stored.report.ReceivedOn, 30), stored.report.ConcludeBy);

        // The reporter follows it; a wrong secret and a wrong number get the same answer.
        var status = await FollowAsync(number, secret);
        Assert.Equal(("Received", 1), (status.GetProperty("state").GetString(), status.GetProperty("files").GetInt32()));
        using var wrong = await app.Anonymous().PostAsJsonAsync("/api/report/follow", new { number, secret = "0000-0000-0000" });
        using var unknown = await app.Anonymous().PostAsJsonAsync("/api/report/follow", new { number = "JB-1999-000001", secret });
        Assert.Equal((404, 404), ((int)wrong.StatusCode, (int)unknown.StatusCode));
        Assert.Equal((await wrong.ProblemAsync()).Detail, (await unknown.ProblemAsync()).Detail);

        // No handler's path carries the contact: the district's and the city's API and pages, list and case.
        foreach (var user in new[] { "shinan.admin", "city.admin" })
        {
            var client = await app.ClientAsync(user);
            foreach (var url in new[] { "/api/teachers/reports", $"/api/teachers/reports/{number}", "/teachers/reports", $"/teachers/reports/{number}" })
            {
                using var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains(number, body, StringComparison.Ordinal);
                Assert.DoesNotContain(contact, body, StringComparison.Ordinal);
            }
        }
        // Another district does not see the case at all; an administrator may not open the contact.
        var shibei = await app.ClientAsync(await app.NewAccountAsync("reports-shibei", Roles.DistrictAdmin, TestWorld.Shibei));
        Assert.Equal(HttpStatusCode.NotFound, (await shibei.GetAsync($"/api/teachers/reports/{number}")).StatusCode);
        Assert.DoesNotContain(number, await (await shibei.GetAsync("/api/teachers/reports")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var admin = await (await app.ClientAsync("city.admin")).PostAsJsonAsync($"/api/teachers/reports/{number}/contact", new { reason = "核实举报情况" });
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);

        // The channel's officer opens it, with a reason, and the opening is in the audit log with the reason.
        var officer = await app.ClientAsync(await app.NewAccountAsync("report.officer", Roles.ReportOfficer, TestWorld.Shinan));
        using (var noReason = await officer.PostAsJsonAsync($"/api/teachers/reports/{number}/contact", new { reason = "" }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync()).Errors.Keys);
        }
        using var opened = await officer.PostAsJsonAsync($"/api/teachers/reports/{number}/contact", new { reason = "需要回访举报人核实细节" });
        Assert.Equal(contact, (await opened.JsonAsync()).GetProperty("contact").GetString());
        var audit = await app.KernelAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "teachers.report-contact.read" && e.EntityKey == number).ToListAsync());
        Assert.Equal("reason=需要回访举报人核实细节", Assert.Single(audit).Details);
    }

    [Fact]
    public async Task A_handler_opens_the_reporters_file_audited_and_another_district_cannot()
    {
        var filed = await app.FileReportAsync((await Forms.UnitAsync(app, TestWorld.AnchorSchool)).Name, withPicture: true);
        var number = filed.GetProperty("number").GetString()!;
        var district = await app.ClientAsync("shinan.admin");
        var file = (await (await district.GetAsync($"/api/teachers/reports/{number}")).JsonAsync()).GetProperty("files").EnumerateArray().Single();
        var fileId = file.GetProperty("id").GetInt64();
        Assert.Equal(("receipt.png", "image/png"), (file.GetProperty("fileName").GetString(), file.GetProperty("mediaType").GetString()));

        using var opened = await district.GetAsync($"/api/teachers/reports/files/{fileId}");
        Assert.Equal("image/png", opened.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await opened.Content.ReadAsByteArrayAsync());
        var key = fileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "teachers.report-file.read" && e.EntityKey == key && e.ActorName == "shinan.admin")));

        var shibei = await app.ClientAsync(await app.NewAccountAsync("reports-files", Roles.DistrictAdmin, TestWorld.Shibei));
        Assert.Equal(HttpStatusCode.NotFound, (await shibei.GetAsync($"/api/teachers/reports/files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task Handlers_step_a_case_to_an_upheld_conclusion_and_the_reporter_reads_the_replies_but_not_the_notes()
    {
        var school = await Forms.UnitAsync(app, TestWorld.AnchorSchool);
        var filed = await app.FileReportAsync(school.Name);
        var (number, secret) = (filed.GetProperty("number").GetString()!, filed.GetProperty("secret").GetString()!);
        var district = await app.ClientAsync("shinan.admin");

        using (var early = await district.PostAsync($"/api/teachers/reports/{number}/investigate", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync($"/api/teachers/reports/{number}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsync($"/api/teachers/reports/{number}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync($"/api/teachers/reports/{number}/investigate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.PostAsJsonAsync($"/api/teachers/reports/{number}/notes", new { text = "已约谈学校校长（内部记录）", @public = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.PostAsJsonAsync($"/api/teachers/reports/{number}/notes", new { text = "您的举报已在调查中。", @public = true })).StatusCode);

        // Upheld needs the teacher, one of the district's own staff; a Shibei teacher is refused.
        using (var noTeacher = await district.PostAsJsonAsync($"/api/teachers/reports/{number}/conclude", new { conclusion = "Upheld", publicConclusion = "经查属实，已依规处理。" }))
        {
            Assert.Contains("staffId", (await noTeacher.ProblemAsync()).Errors.Keys);
        }
        var shibeiSchool = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shibei && o.Kind == Qedu.Kernel.OrgUnits.OrgUnitKind.School).Select(o => o.Code).FirstAsync());
        using (var elsewhere = await (await app.ClientAsync("city.admin")).PostAsJsonAsync($"/api/teachers/reports/{number}/conclude",
            new { conclusion = "Upheld", publicConclusion = "经查属实。", staffId = await Records.StaffAtAsync(app, shibeiSchool) }))
        {
            Assert.Contains("staffId", (await elsewhere.ProblemAsync()).Errors.Keys);
        }
        var teacher = await Records.StaffAtAsync(app, TestWorld.AnchorSchool);
        using (var concluded = await district.PostAsJsonAsync($"/api/teachers/reports/{number}/conclude",
            new { conclusion = "Upheld", publicConclusion = "经查属实，已依规处理。", staffId = teacher }))
        {
            Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        }

        var status = await FollowAsync(number, secret);
        Assert.Equal(("Concluded", "Upheld", "经查属实，已依规处理。"),
            (status.GetProperty("state").GetString(), status.GetProperty("conclusion").GetString(), status.GetProperty("publicConclusion").GetString()));
        var entries = status.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(["您的举报已在调查中。"], entries);
        Assert.DoesNotContain("shinan.admin", status.ToString(), StringComparison.Ordinal);

        // Concluded: the reporter can add no more.
        using var late = await app.Anonymous().PostAsync("/api/report/follow/add", Multipart(("number", number), ("secret", secret), ("text", "还有补充的情况说明。")));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var case_ = await (await district.GetAsync($"/api/teachers/reports/{number}")).JsonAsync();
        Assert.Equal(teacher, case_.GetProperty("staffId").GetInt64());
    }

    [Fact]
    public async Task Bad_reports_are_refused_by_field_in_the_reporters_language_and_nothing_is_stored()
    {
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Reports.CountAsync());
        foreach (var (language, english) in new[] { ("zh-CN", false), ("en", true) })
        {
            var form = Multipart(("kind", "Gossip"), ("school", ""), ("text", "太短"));
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")), "files", "evidence.png");
            using var response = await app.Anonymous().SendAsync(Http.Request(HttpMethod.Post, "/api/report", form, language));
            var problem = await response.ProblemAsync();
            Assert.Equal(400, problem.Status);
            Assert.Equal(["files", "kind", "school", "text"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(app.Text<TeachersText>("Report.Kind", english), problem.Errors["kind"][0]);
            Assert.Contains("evidence.png", problem.Errors["files"][0], StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Reports.CountAsync()));
    }

    [Fact]
    public async Task A_school_no_one_knows_goes_to_the_city_and_a_case_past_its_limit_is_listed_overdue()
    {
        var filed = await app.FileReportAsync($"不存在的学校{Unique()}");
        var number = filed.GetProperty("number").GetString()!;
        var city = await Forms.UnitAsync(app, TestWorld.City);
        // Received three weeks ago and never acknowledged.
        await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Reports.Where(r => r.Number == number)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReceivedOn, r => r.ReceivedOn.AddDays(-21)).SetProperty(r => r.AcknowledgeBy, r => r.AcknowledgeBy.AddDays(-21))));

        var cityAdmin = await app.ClientAsync("city.admin");
        var overdue = (await (await cityAdmin.GetAsync("/api/teachers/reports?overdue=true")).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("number").GetString() == number);
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal(city.Name, overdue.GetProperty("handler").GetString());
        Assert.Contains($"data-number=\"{number}\"", await PageAsync(cityAdmin, "/teachers/reports?overdue=1"), StringComparison.Ordinal);
        // The district does not see a case routed to the city.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("shinan.admin")).GetAsync($"/api/teachers/reports/{number}")).StatusCode);
    }

    private async Task<System.Text.Json.JsonElement> FollowAsync(string number, string secret)
    {
        using var response = await app.Anonymous().PostAsJsonAsync("/api/report/follow", new { number, secret });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
