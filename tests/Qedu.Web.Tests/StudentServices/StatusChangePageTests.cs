using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.StudentServices;

/// <summary>
/// The status-change pages: a guardian asks on the mobile page, the sending school accepts on its page, a receiving school
/// returns it naming what is missing, the guardian answers on the page; the queue shows each unit what is its turn.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StatusChangePageTests(WebApp app)
{
    [Fact]
    public async Task A_guardian_asks_on_the_page_the_school_accepts_the_next_returns_it_and_the_guardian_answers()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (family, phone) = await Parents.SignInAsync(app);
        var (studentId, _, _) = await world.StudentAsync("周小舟", phone);

        using var home = await family.GetAsync("/parent/services");
        var homeText = await home.TextAsync();
        Assert.Contains("周小舟", homeText, StringComparison.Ordinal);
        Assert.Contains($"/parent/services/apply/{studentId}", homeText, StringComparison.Ordinal);

        // Without a reason the form says so, and nothing is asked.
        using var refused = await PageForms.SubmitAsync(family, $"/parent/services/apply/{studentId}", "apply",
            new Dictionary<string, string> { ["Kind"] = "Transfer", ["ToSchoolId"] = world.NearSchoolId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "" });
        Assert.Contains(app.Text<Qedu.StudentServices.Resources.ServicesText>("Change.Reason").Replace("{0}", "500", StringComparison.Ordinal),
            await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(studentId));

        using var asked = await PageForms.SubmitAsync(family, $"/parent/services/apply/{studentId}", "apply",
            new Dictionary<string, string> { ["Kind"] = "Transfer", ["ToSchoolId"] = world.NearSchoolId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "家庭搬迁" });
        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<StudentServicesDb>().Changes.Where(c => c.StudentId == studentId).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.EndsWith($"/parent/services/{id}", asked.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var sending = await app.ClientAsync(await app.NewAccountAsync("xj", Roles.SchoolAdmin, world.FromSchoolCode));
        using var queue = await sending.GetAsync("/services/changes");
        Assert.Contains($"/services/changes/{id}", await queue.TextAsync(), StringComparison.Ordinal);
        using var accepted = await PageForms.SubmitAsync(sending, $"/services/changes/{id}", "decide", new Dictionary<string, string> { ["Decision"] = "Accepted" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var receiving = await app.ClientAsync(await app.NewAccountAsync("xj", Roles.SchoolAdmin, world.NearSchoolCode));
        using var returned = await PageForms.SubmitAsync(receiving, $"/services/changes/{id}", "decide",
            new Dictionary<string, string> { ["Decision"] = "Returned", ["Note"] = "请补充新住址证明" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        using (var shown = await receiving.GetAsync($"/services/changes/{id}"))
        {
            Assert.Contains("请补充新住址证明", await shown.TextAsync(), StringComparison.Ordinal);
        }
        // The sending school sees it but may no longer decide.
        using var view = await sending.GetAsync($"/services/changes/{id}");
        Assert.DoesNotContain("data-testid=\"decide\"", await view.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var answered = await PageForms.SubmitAsync(family, $"/parent/services/{id}", "answer", new Dictionary<string, string> { ["Answer"] = "已补交租赁合同" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        using (var mine = await family.GetAsync($"/parent/services/{id}"))
        {
            Assert.Contains("已补交租赁合同", await mine.TextAsync(), StringComparison.Ordinal);
        }
        var change = await app.AsSystemAsync(sp => sp.GetRequiredService<StudentServicesDb>().Changes.SingleAsync(c => c.Id == id));
        Assert.Equal((ChangeState.UnderReview, 2), (change.State, change.CurrentStep));
    }

    [Fact]
    public async Task A_school_finds_its_student_and_starts_a_suspension_on_its_page_and_another_school_cannot()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (studentId, _, _) = await world.StudentAsync("郑小安");
        var school = await app.ClientAsync(await app.NewAccountAsync("xj", Roles.SchoolAdmin, world.FromSchoolCode));

        using var queue = await school.GetAsync("/services/changes");
        Assert.Contains($"/services/changes/new?school={world.FromSchoolCode}", await queue.TextAsync(), StringComparison.Ordinal);
        using var search = await school.GetAsync($"/services/changes/new?school={world.FromSchoolCode}&q=郑小");
        Assert.Contains($"student={studentId}", await search.TextAsync(), StringComparison.Ordinal);

        var path = $"/services/changes/new?school={world.FromSchoolCode}&student={studentId}";
        using var started = await PageForms.SubmitAsync(school, path, "start", new Dictionary<string, string>
        {
            ["Kind"] = "Suspension", ["SuspendedUntil"] = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "因病休养",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<StudentServicesDb>().Changes.Where(c => c.StudentId == studentId).Select(c => c.Id).SingleAsync());
        Assert.EndsWith($"/services/changes/{id}", started.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The school attaches the certificate from the change's page (a plain multipart form with the page's token).
        var changePage = await school.GetStringAsync($"/services/changes/{id}");
        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new StringContent(Qedu.Testing.QeduApp.AntiforgeryToken(changePage)), "__RequestVerificationToken");
            upload.Add(new StringContent("二级以上医院诊断证明"), "name");
            upload.Add(new ByteArrayContent(StatusChangeWorld.Pdf), "file", "诊断证明.pdf");
            using var uploaded = await school.PostAsync($"/services/changes/{id}/materials", upload);
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }
        var withFile = await (await school.GetAsync($"/services/changes/{id}")).TextAsync();
        Assert.Contains("二级以上医院诊断证明: 诊断证明.pdf", withFile, StringComparison.Ordinal);

        var other = await app.ClientAsync(await app.NewAccountAsync("xj", Roles.SchoolAdmin, world.NearSchoolCode));
        using var refused = await other.GetAsync($"/services/changes/new?school={world.FromSchoolCode}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task The_districts_queue_marks_the_overdue_changes_and_shows_a_stopped_clock_as_such()
    {
        var district = await app.ClientAsync("shinan.admin");
        using var queue = await district.GetAsync("/services/changes");
        var html = await queue.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stopped\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receiving_school_registers_a_transfer_in_on_its_page_a_refused_field_is_named_and_nothing_is_written()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var school = await app.ClientAsync(await app.NewAccountAsync("xj", Roles.SchoolAdmin, world.FarSchoolCode));
        var path = $"/services/changes/incoming?school={world.FarSchoolCode}";
        var number = "G" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["StudentNumber"] = number, ["Name"] = "齐小山", ["GenderCode"] = "1", ["BirthDate"] = "2016-09-01", ["OtherSchool"] = "烟台市芝罘区某小学",
            ["GuardianName"] = "齐强", ["GuardianRelationCode"] = "11", ["GuardianPhone"] = "12345", ["Reason"] = "随父母来青",
        };
        using var refused = await PageForms.SubmitAsync(school, path, "incoming", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(app.Text<ServicesText>("Incoming.Phone"), (await refused.FieldErrorsAsync())["incoming.guardianPhone"]);
        Assert.False(await app.AsSystemAsync(sp => sp.GetRequiredService<StudentServicesDb>().Changes.AnyAsync(c => c.StudentNumber == number)));

        fields["GuardianPhone"] = Parents.NewPhone();
        using var started = await PageForms.SubmitAsync(school, path, "incoming", fields);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<StudentServicesDb>().Changes.Where(c => c.StudentNumber == number).Select(c => c.Id).SingleAsync());
        Assert.EndsWith($"/services/changes/{id}", started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("烟台市芝罘区某小学", await (await school.GetAsync($"/services/changes/{id}")).TextAsync(), StringComparison.Ordinal);
        // Another school's reviewer cannot register a child into this one.
        var other = await app.ClientAsync(await app.NewAccountAsync("xj", Roles.SchoolAdmin, world.NearSchoolCode));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
    }

    private Task<int> CountAsync(long studentId) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<StudentServicesDb>().Changes.CountAsync(c => c.StudentId == studentId));
}
