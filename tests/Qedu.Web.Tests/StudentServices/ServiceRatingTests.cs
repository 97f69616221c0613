using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.StudentServices.Contracts;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.StudentServices;

/// <summary>
/// 好差评: the guardian rates a finished change once; a poor rating opens a case the district of the student's school
/// answers (and only it sees); the guardian reads the answer; the figures count the ratings per district, school and item.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ServiceRatingTests(WebApp app)
{
    private async Task<(StatusChangeWorld World, HttpClient Family, long ChangeId)> FinishedAsync(string name)
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (family, phone) = await Parents.SignInAsync(app);
        var (studentId, parent, _) = await world.StudentAsync(name, phone);
        var change = await world.AsGuardianAsync(parent, f => f.StartAsync(new StartChange(studentId, ChangeKind.Suspension, "因病休养", SuspendedUntil: new DateOnly(2027, 1, 31))));
        var id = change.Value!.Id;
        using (var early = await family.PostAsync($"/api/services/my/changes/{id}/rating", Http.Json(new { score = 5 })))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Equal(app.Text<ServicesText>("Rating.NotFinished"), (await early.ProblemAsync()).Detail);
        }
        // The guardian attaches the certificate over the API: a page renamed .pdf is refused by its content, a PDF is taken.
        using (var fake = new MultipartFormDataContent())
        {
            fake.Add(new StringContent("医院诊断证明"), "name");
            fake.Add(new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()), "file", "证明.pdf");
            using var refused = await family.PostAsync($"/api/services/my/changes/{id}/materials", fake);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(app.Text<ServicesText>("Material.NotAllowed"), Assert.Single((await refused.ProblemAsync()).Errors["file"]));
        }
        using (var pdf = new MultipartFormDataContent())
        {
            pdf.Add(new StringContent("医院诊断证明"), "name");
            pdf.Add(new ByteArrayContent(StatusChangeWorld.Pdf), "file", "证明.pdf");
            using var added = await family.PostAsync($"/api/services/my/changes/{id}/materials", pdf);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            var materialId = (await added.JsonAsync()).GetProperty("id").GetInt64();
            using var opened = await family.GetAsync($"/api/services/my/materials/{materialId}");
            Assert.Equal(("application/pdf", StatusChangeWorld.Pdf.Length), (opened.Content.Headers.ContentType!.MediaType, (await opened.Content.ReadAsByteArrayAsync()).Length));
            var (stranger, _) = await Parents.SignInAsync(app);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/services/my/materials/{materialId}")).StatusCode);
        }
        foreach (var unit in new[] { world.FromSchoolId, world.FromDistrictId })
        {
            Assert.True((await world.AsReviewerAsync(unit, f => f.DecideAsync(id, new DecideStep(StepDecision.Accepted)))).IsOk);
        }
        return (world, family, id);
    }

    [Fact]
    public async Task A_poor_rating_opens_a_case_only_the_students_district_sees_and_answers_once_and_the_guardian_reads_the_answer()
    {
        var (world, family, id) = await FinishedAsync("冯小雪");

        using (var noReason = await family.PostAsync($"/api/services/my/changes/{id}/rating", Http.Json(new { score = 2 })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Equal(app.Text<ServicesText>("Rating.PoorNeedsComment"), Assert.Single((await noReason.ProblemAsync()).Errors["comment"]));
        }
        using (var outOfRange = await family.PostAsync($"/api/services/my/changes/{id}/rating", Http.Json(new { score = 6 })))
        {
            Assert.Equal(app.Text<ServicesText>("Rating.Score"), Assert.Single((await outOfRange.ProblemAsync()).Errors["score"]));
        }
        var (stranger, _) = await Parents.SignInAsync(app);
        using (var theirs = await stranger.PostAsync($"/api/services/my/changes/{id}/rating", Http.Json(new { score = 1, comment = "太慢" })))
        {
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        }
        using (var rated = await family.PostAsync($"/api/services/my/changes/{id}/rating", Http.Json(new { score = 2, comment = "审核太慢，来回跑了两次" })))
        {
            Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
            var rating = await rated.JsonAsync();
            Assert.Equal(2, rating.GetProperty("score").GetInt32());
            Assert.Equal(world.FromDistrictId, rating.GetProperty("case").GetProperty("unitId").GetInt32());
        }
        using (var twice = await family.PostAsync($"/api/services/my/changes/{id}/rating", Http.Json(new { score = 5 })))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        // The district of the student's school sees the case; another district does not.
        var district = await app.ClientAsync(await app.NewAccountAsync("hp", Roles.DistrictAdmin, world.FromDistrictCode));
        var cases = (await (await district.GetAsync("/api/services/rating-cases")).JsonAsync()).EnumerateArray().ToList();
        var mine = Assert.Single(cases, c => c.GetProperty("changeId").GetInt64() == id);
        var caseId = mine.GetProperty("id").GetInt64();
        Assert.False(mine.GetProperty("overdue").GetBoolean());
        var other = await app.ClientAsync(await app.NewAccountAsync("hp", Roles.DistrictAdmin, world.FarDistrictCode));
        Assert.DoesNotContain((await (await other.GetAsync("/api/services/rating-cases")).JsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetInt64() == caseId);
        using (var notTheirs = await other.PostAsync($"/api/services/rating-cases/{caseId}/answer", Http.Json(new { answer = "收到" })))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }
        using (var empty = await district.PostAsync($"/api/services/rating-cases/{caseId}/answer", Http.Json(new { answer = " " })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }
        using (var answered = await district.PostAsync($"/api/services/rating-cases/{caseId}/answer", Http.Json(new { answer = "已约谈学校，今后材料一次告知。" })))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.False((await answered.JsonAsync()).GetProperty("answeredLate").GetBoolean());
        }
        using (var again = await district.PostAsync($"/api/services/rating-cases/{caseId}/answer", Http.Json(new { answer = "再次回复" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var seen = await (await family.GetAsync($"/api/services/my/changes/{id}")).JsonAsync();
        Assert.Equal("已约谈学校，今后材料一次告知。", seen.GetProperty("rating").GetProperty("case").GetProperty("answer").GetString());
        var page = await (await family.GetAsync($"/parent/services/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("已约谈学校，今后材料一次告知。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rate\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_rating_from_the_page_opens_no_case_and_counts_in_the_dashboard_and_the_indicator_facts()
    {
        var (world, family, id) = await FinishedAsync("陈小星");
        // Ratings count in the year they are given (today); the change completed on the world's fixed day (2026).
        var year = CityDate.Today(TimeProvider.System).Year;
        Task<StatusChangeUnitFigures?> FactsAsync(int of) => app.AsSystemAsync(async sp =>
            (await sp.GetRequiredService<IStudentServicesStatistics>().FiguresAsync(of)).FirstOrDefault(f => f.OrgUnitId == world.FromSchoolId));
        var before = await FactsAsync(year) ?? new(world.FromSchoolId, 0, 0, 0, 0, 0, 0);

        Assert.Contains("data-testid=\"to-rate\"", await (await family.GetAsync("/parent/services")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var form = await (await family.GetAsync($"/parent/services/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"rate\"", form, StringComparison.Ordinal);
        using var rated = await PageForms.SubmitAsync(family, $"/parent/services/{id}", "rate",
            new Dictionary<string, string> { ["Score"] = "5", ["Comment"] = "网上办理，很方便" });
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var rating = (await (await family.GetAsync($"/api/services/my/changes/{id}")).JsonAsync()).GetProperty("rating");
        Assert.Equal((5, System.Text.Json.JsonValueKind.Null), (rating.GetProperty("score").GetInt32(), rating.GetProperty("case").ValueKind));

        Assert.DoesNotContain("data-testid=\"to-rate\"", await (await family.GetAsync("/parent/services")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = (await FactsAsync(year))!;
        Assert.Equal((before.Rated + 1, before.RatedGood + 1), (after.Rated, after.RatedGood));
        // The guardian asked online: the change counts as done without a trip (零跑腿).
        var completed = (await FactsAsync(2026))!;
        Assert.InRange(completed.ZeroTrip, 1, completed.Completed);

        // The city sees every district; the district sees its schools; both see the item's line.
        var city = await app.ClientAsync("city.admin");
        var figures = await (await city.GetAsync($"/api/services/figures?year={year}")).JsonAsync();
        Assert.Equal("district", figures.GetProperty("level").GetString());
        var shinan = Assert.Single(figures.GetProperty("units").EnumerateArray(), u => u.GetProperty("key").GetString() == world.FromDistrictCode);
        Assert.True(shinan.GetProperty("rated").GetInt32() >= 1);
        Assert.Contains(figures.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == "QDJY-XJ-003");
        var district = await app.ClientAsync(await app.NewAccountAsync("hp", Roles.DistrictAdmin, world.FromDistrictCode));
        var mine = await (await district.GetAsync($"/api/services/figures?year={year}")).JsonAsync();
        Assert.Equal("school", mine.GetProperty("level").GetString());
        Assert.Contains(mine.GetProperty("units").EnumerateArray(), u => u.GetProperty("key").GetString() == world.FromSchoolCode);
        var page = await (await city.GetAsync($"/services/dashboard?year={year}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"by-unit\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_city_has_ratings_an_overdue_poor_rating_for_its_district_and_a_draft_item_in_the_catalogue()
    {
        var district = await app.ClientAsync("shinan.admin");
        var cases = (await (await district.GetAsync("/api/services/rating-cases")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(cases, c => c.GetProperty("overdue").GetBoolean() && c.GetProperty("answer").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Contains(cases, c => c.GetProperty("answer").ValueKind == System.Text.Json.JsonValueKind.String);
        var page = await (await district.GetAsync("/services/dashboard")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"case-overdue\"", page, StringComparison.Ordinal);

        var city = await app.ClientAsync("city.admin");
        var items = (await (await city.GetAsync("/api/services/catalogue")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("code").GetString() == "QDJY-XJ-005" && i.GetProperty("draft").ValueKind == System.Text.Json.JsonValueKind.Number);
        var edit = await (await city.GetAsync("/services/catalogue/edit?code=QDJY-XJ-005")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"publish\"", edit, StringComparison.Ordinal);
    }
}
