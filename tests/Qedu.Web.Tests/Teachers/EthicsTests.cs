using System.Globalization;
using System.Net;
using System.Net.Http.Json;
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
/// The annual ethics review and its bar (一票否决): the school grades, the bureau above confirms (the school cannot), a
/// confirmed 不合格 or an upheld report bars promotion, awards and certificate registration for the rules' months, and the
/// refusals say why and until when; grades are read only with teachers.ethics, the bar by every reader of the record.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EthicsTests(WebApp app)
{
    [Fact]
    public async Task A_confirmed_unqualified_review_bars_promotion_awards_and_registration_and_says_until_when()
    {
        var (schoolCode, staffId) = await app.NewTeacherAsync("师德");
        var school = await app.ClientAsync(await app.NewAccountAsync("ethics.school", Roles.SchoolAdmin, schoolCode));
        var district = await app.ClientAsync("shinan.admin");
        var year = Today.Year;
        var number = $"E{Guid.NewGuid().ToString("N")[..10]}".ToUpperInvariant();
        using (var certificate = await district.PostAsJsonAsync($"/api/teachers/{staffId}/certificates",
            new { type = "Primary", subject = "数学", number, issuedOn = Day(Today.AddYears(-6)) }))
        {
            Assert.Equal(HttpStatusCode.Created, certificate.StatusCode);
        }
        var certificateId = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Certificates.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());

        using (var bare = await school.PutAsJsonAsync($"/api/teachers/{staffId}/ethics/{year}", new { grade = "Unqualified" }))
        {
            Assert.Equal(app.Text<TeachersText>("Ethics.CommentRequired"), (await bare.ProblemAsync()).Errors["comment"][0]);
        }
        Assert.Equal(HttpStatusCode.OK, (await school.PutAsJsonAsync($"/api/teachers/{staffId}/ethics/{year}", new { grade = "Unqualified", comment = "组织有偿补课，经查属实。" })).StatusCode);
        // The school cannot confirm its own; the district can, once; then the grade stands.
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsync($"/api/teachers/{staffId}/ethics/{year}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync($"/api/teachers/{staffId}/ethics/{year}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsync($"/api/teachers/{staffId}/ethics/{year}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await school.PutAsJsonAsync($"/api/teachers/{staffId}/ethics/{year}", new { grade = "Excellent" })).StatusCode);

        var bar = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().EthicsBars.AsNoTracking().SingleAsync(b => b.StaffId == staffId));
        Assert.Equal((EthicsBarReason.UnqualifiedReview, Today, Today.AddMonths(12).AddDays(-1)), (bar.Reason, bar.From, bar.To));

        // Promotion, an honour, a registration: each refused with the bar's reason and last day.
        using var title = await district.PostAsJsonAsync($"/api/teachers/{staffId}/titles", new { titleCode = "2", from = Day(Today) });
        var refusal = await title.ProblemAsync();
        Assert.Equal(409, refusal.Status);
        Assert.Contains(Day(bar.To), refusal.Detail, StringComparison.Ordinal);
        Assert.Contains(app.Text<TeachersText>("EthicsBarReason.UnqualifiedReview"), refusal.Detail, StringComparison.Ordinal);
        using var honour = await district.PostAsJsonAsync($"/api/teachers/{staffId}/honours", new { name = "优秀教师", level = "District", awardedBy = "市南区教育和体育局", awardedOn = Day(Today) });
        Assert.Equal(HttpStatusCode.Conflict, honour.StatusCode);
        using var registration = await district.PostAsJsonAsync($"/api/teachers/{staffId}/certificates/{certificateId}/registrations", new { registeredOn = Day(Today) });
        Assert.Equal(HttpStatusCode.Conflict, registration.StatusCode);
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Honours.CountAsync(h => h.StaffId == staffId)));

        // Every reader of the record sees the bar; only teachers.ethics sees the grades.
        var departmental = await (await (await app.ClientAsync("jjc.staff")).GetAsync($"/api/teachers/{staffId}")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, departmental.GetProperty("ethics").ValueKind);
        Assert.True(departmental.GetProperty("bars")[0].GetProperty("inForce").GetBoolean());
        var withGrades = await (await district.GetAsync($"/api/teachers/{staffId}")).JsonAsync();
        Assert.Equal("Unqualified", withGrades.GetProperty("ethics")[0].GetProperty("grade").GetString());
        Assert.Single(Cells(await PageAsync(district, $"/teachers/{staffId}"), "bar-in-force"));
    }

    [Fact]
    public async Task An_upheld_report_bars_its_teacher_and_a_bar_that_has_ended_bars_no_longer()
    {
        var (_, barred) = await app.NewTeacherAsync("举报");
        var (_, cleared) = await app.NewTeacherAsync("期满");
        var district = await app.ClientAsync("shinan.admin");
        var filed = await app.FileReportAsync((await Forms.UnitAsync(app, TestWorld.AnchorSchool)).Name);
        var number = filed.GetProperty("number").GetString()!;
        await district.PostAsync($"/api/teachers/reports/{number}/acknowledge", null);
        await district.PostAsync($"/api/teachers/reports/{number}/investigate", null);
        using (var concluded = await district.PostAsJsonAsync($"/api/teachers/reports/{number}/conclude",
            new { conclusion = "Upheld", publicConclusion = "经查属实，已依规处理。", staffId = barred }))
        {
            Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        }
        var bar = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().EthicsBars.AsNoTracking().SingleAsync(b => b.StaffId == barred));
        Assert.Equal((EthicsBarReason.UpheldReport, number, Today.AddMonths(24).AddDays(-1)), (bar.Reason, bar.Source, bar.To));
        Assert.Equal(HttpStatusCode.Conflict,
            (await district.PostAsJsonAsync($"/api/teachers/{barred}/backbone", new { level = "District", awardedBy = "市南区", from = Day(Today) })).StatusCode);

        // A bar that ended yesterday stops nothing.
        var clearedSchool = await SchoolIdOfAsync(cleared);
        await app.AsSystemAsync(sp =>
        {
            var db = sp.GetRequiredService<TeachersDb>();
            db.EthicsBars.Add(new EthicsBar
            {
                OrgUnitId = clearedSchool, StaffId = cleared, Reason = EthicsBarReason.UnqualifiedReview, Source = "2024", From = Today.AddYears(-1),
                To = Today.AddDays(-1), CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test",
            });
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Created,
            (await district.PostAsJsonAsync($"/api/teachers/{cleared}/backbone", new { level = "District", awardedBy = "市南区", from = Day(Today) })).StatusCode);
    }

    [Fact]
    public async Task The_school_grades_on_the_ethics_page_and_the_district_confirms_there()
    {
        var (schoolCode, staffId) = await app.NewTeacherAsync("考核页");
        var school = await app.ClientAsync(await app.NewAccountAsync("ethics.page", Roles.SchoolAdmin, schoolCode));
        var year = Today.Year;
        var path = $"/teachers/ethics?year={year}&school={schoolCode}";

        using (var saved = await PageForms.SubmitAsync(school, path, $"review-{staffId}", new Dictionary<string, string> { ["Row.Grade"] = "Excellent", ["Row.Comment"] = "" }))
        {
            Assert.True(saved.IsRedirect(), await saved.TextAsync());
        }
        var html = await PageAsync(school, path);
        Assert.DoesNotContain("data-testid=\"confirm\"", html, StringComparison.Ordinal);

        var district = await app.ClientAsync("shinan.admin");
        Assert.Contains($"data-code=\"{schoolCode}\"", await PageAsync(district, $"/teachers/ethics?year={year}"), StringComparison.Ordinal);
        using (var confirmed = await PageForms.SubmitAsync(district, path, $"confirm-{staffId}"))
        {
            Assert.True(confirmed.IsRedirect(), await confirmed.TextAsync());
        }
        var review = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().EthicsReviews.AsNoTracking().SingleAsync(r => r.StaffId == staffId && r.Year == year));
        Assert.Equal((EthicsGrade.Excellent, "shinan.admin"), (review.Grade, review.ConfirmedBy));
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().EthicsBars.CountAsync(b => b.StaffId == staffId)));
    }

    private Task<int> SchoolIdOfAsync(long staffId) => app.RegistryAsync(db => db.Staff.IgnoreQueryFilters().Where(s => s.Id == staffId).Select(s => s.OrgUnitId).SingleAsync());
}
