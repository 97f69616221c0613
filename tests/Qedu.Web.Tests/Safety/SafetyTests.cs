using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Safety.Features.Inspections;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Safety;

/// <summary>
/// Campus safety: a district's inspector records failed items, each a hazard in the shared rectification module (a
/// serious one escalated to the city at once); the school fixes it with a photo; the inspector verifies and, later,
/// re-checks. Random draws are reproducible from their seed. Bad input is named in the caller's language.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SafetyTests(WebApp app)
{
    // The smallest PNG there is: a photo of the fix.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly string[] FireAndCampus = ["fire", "campus"];
    private static readonly string[] Water = ["water"];
    private static readonly string[] Fire = ["fire"];

    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The codes of 市南区's schools, in code order.</summary>
    private Task<List<string>> ShinanSchoolsAsync() => app.KernelAsync(async db =>
    {
        var district = await db.OrgUnits.SingleAsync(o => o.Code == "370202");
        var ids = db.OrgClosure.Where(c => c.AncestorId == district.Id).Select(c => c.DescendantId);
        return await db.OrgUnits.Where(o => ids.Contains(o.Id) && o.Kind == OrgUnitKind.School).OrderBy(o => o.Code).Select(o => o.Code).ToListAsync();
    });

    /// <summary>市南区's schools other than the anchor school (whose demo hazards the browser test fixes).</summary>
    private async Task<List<string>> OtherSchoolsAsync() => [.. (await ShinanSchoolsAsync()).Where(c => c != Qedu.Kernel.DemoCity.DemoCityGenerator.AnchorSchoolCode)];

    /// <summary>The school's hazards found and closed, as the indicator "hazard-rectification-rate" counts them.</summary>
    private Task<(int Found, int Closed)> HazardFactsAsync(string code) => app.AsSystemAsync(async sp =>
    {
        var school = (await sp.GetRequiredService<OrgTree>().FindAsync(code))!;
        var computed = await sp.GetRequiredService<Qedu.Indicators.Computation.IndicatorComputation>().ComputeAsync(
            Today.Year.ToString(CultureInfo.InvariantCulture), store: false, default);
        var value = computed.Values.SingleOrDefault(v => v.OrgUnitId == school.Id && v.IndicatorCode == "hazard-rectification-rate");
        return value is null ? (0, 0) : ((int)value.Denominator!.Value, (int)value.Numerator);
    });

    [Fact]
    public async Task An_inspector_finds_hazards_the_school_fixes_them_with_a_photo_and_the_inspector_verifies()
    {
        var code = (await OtherSchoolsAsync())[^1];
        var inspector = await app.ClientAsync("shinan.inspector");
        var school = await app.ClientAsync(await app.NewAccountAsync("safety.admin", Roles.SchoolAdmin, code));

        var hazardsBefore = await HazardFactsAsync(code);
        var created = await OkJsonAsync(await inspector.PostAsJsonAsync("/api/safety/inspections", new
        {
            school = code, kind = "District", on = Day(Today), checklists = FireAndCampus, summary = "挂牌督导。",
            failed = new object[] { new { item = "fire.exits", note = "二层安全出口堆放课桌。" }, new { item = "campus.visitors", note = "登记不全。", dueOn = Day(Today.AddDays(5)) } },
        }));
        var inspection = await OkJsonAsync(await inspector.GetAsync($"/api/safety/inspections/{created.GetProperty("id").GetInt64()}"));
        Assert.Equal((7, 2), (inspection.GetProperty("items").GetInt32(), inspection.GetProperty("failed").GetInt32()));
        var findings = inspection.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("item").GetString()!, f => f.GetProperty("rectificationId").GetInt64());

        // fire.exits is serious by the checklist: escalated to the city the moment it was raised, due within the serious deadline.
        var serious = await OkJsonAsync(await inspector.GetAsync($"/api/rectifications/{findings["fire.exits"]}"));
        Assert.True(serious.GetProperty("item").GetProperty("serious").GetBoolean());
        Assert.Equal("青岛市教育局", serious.GetProperty("escalatedTo").GetString());
        Assert.Equal(Day(Today.AddDays(3)), serious.GetProperty("item").GetProperty("dueOn").GetString());
        Assert.Equal(["Raised", "Escalated"], serious.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var cityBoard = await OkJsonAsync(await (await app.ClientAsync("city.admin")).GetAsync("/api/rectifications?state=serious&kind=safety.hazard"));
        Assert.Contains(cityBoard.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == findings["fire.exits"]);

        var item = findings["campus.visitors"];
        // The school cannot verify its own fix, nor report one without a photo.
        using (var words = await school.PostAsJsonAsync($"/api/rectifications/{item}/fix", new { text = "已补齐登记。" }))
        {
            Assert.Equal(["files"], (await words.ProblemAsync()).Errors.Keys);
        }
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("已补齐登记并安排专人核验。"), "text");
            var photo = new ByteArrayContent(Png);
            photo.Headers.ContentType = new("image/png");
            form.Add(photo, "files", "登记本.png");
            Assert.Equal("Fixed", (await OkJsonAsync(await school.PostAsync($"/api/rectifications/{item}/fix", form))).GetProperty("state").GetString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsJsonAsync($"/api/rectifications/{item}/verify", new { accept = true })).StatusCode);
        // Found from above: verified, then a 回头看 on its date (not before).
        Assert.Equal("Verified", (await OkJsonAsync(await inspector.PostAsJsonAsync($"/api/rectifications/{item}/verify", new { accept = true }))).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsJsonAsync($"/api/rectifications/{item}/recheck", new { accept = true, text = "已复查。" })).StatusCode);
        var detail = await OkJsonAsync(await school.GetAsync($"/api/rectifications/{item}"));
        var fixStep = detail.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "Fixed");
        var file = fixStep.GetProperty("files")[0];
        Assert.Equal("登记本.png", file.GetProperty("fileName").GetString());
        using (var download = await inspector.GetAsync($"/api/rectifications/files/{file.GetProperty("id").GetInt64()}"))
        {
            Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        }

        // The indicator counts the school's two new hazards, none closed yet (one verified, its 回头看 still to come).
        var hazardsAfter = await HazardFactsAsync(code);
        Assert.Equal((hazardsBefore.Found + 2, hazardsBefore.Closed), hazardsAfter);

        // Another district's inspector neither sees the school nor the hazard.
        var other = await app.ClientAsync(await app.NewAccountAsync("lao.inspector", Roles.Inspector, "370203"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/safety/inspections", new { school = code, kind = "District", on = Day(Today) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/rectifications/{findings["fire.exits"]}/verify", new { accept = true })).StatusCode);
        // The school checks itself, but does not inspect as its district.
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsJsonAsync("/api/safety/inspections", new { school = code, kind = "District", on = Day(Today) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync("/api/safety/inspections", new { school = code, kind = "Self", on = Day(Today), checklists = Water })).StatusCode);
        var overview = await OkJsonAsync(await school.GetAsync("/api/safety/"));
        var water = overview.GetProperty("school").GetProperty("selfChecks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "water");
        Assert.Equal((Day(Today), false), (water.GetProperty("last").GetString(), water.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task A_random_draw_is_recomputable_from_its_seed_and_stays_in_the_district()
    {
        var inspector = await app.ClientAsync("shinan.inspector");
        var first = await OkJsonAsync(await inspector.PostAsJsonAsync("/api/safety/sampling/", new { count = 3, seed = "2026秋-抽查", purpose = "秋季开学安全检查" }));
        var again = await OkJsonAsync(await inspector.PostAsJsonAsync("/api/safety/sampling/", new { count = 3, seed = "2026秋-抽查", purpose = "复算" }));
        static string[] Codes(JsonElement draw) => [.. draw.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("code").GetString()!)];
        var expected = SafetySampling.Draw("2026秋-抽查", await ShinanSchoolsAsync(), 3);
        Assert.Equal(expected, Codes(first));
        Assert.Equal(expected, Codes(again));
        Assert.Equal((await ShinanSchoolsAsync()).Count, first.GetProperty("population").GetInt32());
        Assert.NotEqual(expected, SafetySampling.Draw("another seed", await ShinanSchoolsAsync(), 3));

        Assert.Equal(HttpStatusCode.NotFound, (await inspector.PostAsJsonAsync("/api/safety/sampling/", new { unit = "370203", count = 3, purpose = "x" })).StatusCode);
        using (var bad = await inspector.PostAsJsonAsync("/api/safety/sampling/", new { count = 0, purpose = "" }))
        {
            Assert.Equal(["count", "purpose"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("school.admin")).PostAsJsonAsync("/api/safety/sampling/", new { count = 1, purpose = "x" })).StatusCode);
    }

    [Theory]
    [InlineData(null, "不在所选检查表中", "日期不能晚于今天")]
    [InlineData("en", "is not on the checklists covered", "The date cannot be after today")]
    public async Task Bad_items_and_dates_are_named_in_the_callers_language_and_nothing_is_written(string? language, string itemMessage, string dateMessage)
    {
        var code = (await OtherSchoolsAsync())[0];
        var inspector = await app.ClientAsync("shinan.inspector");
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Safety.Data.SafetyDb>().Inspections.CountAsync());
        using var response = await inspector.SendAsync(Http.Request(HttpMethod.Post, "/api/safety/inspections", Http.Json(new
        {
            school = code, kind = "District", on = Day(Today.AddDays(1)), checklists = Fire,
            failed = new object[] { new { item = "bus.escort", note = "随车照管人员缺岗。" }, new { item = "fire.exits", note = "" } },
        }), language));
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Equal(["failed[0].item", "failed[1].note", "on"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(itemMessage, problem.Errors["failed[0].item"][0]);
        Assert.Equal(dateMessage, problem.Errors["on"][0]);
        Assert.Equal(before, await app.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Safety.Data.SafetyDb>().Inspections.CountAsync()));
    }

    [Fact]
    public async Task A_drill_a_team_and_a_canteen_are_kept_for_the_school_and_refused_elsewhere()
    {
        var code = (await OtherSchoolsAsync())[1];
        var school = await app.ClientAsync(await app.NewAccountAsync("ready.admin", Roles.SchoolAdmin, code));
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync($"/api/safety/drills?school={code}", new { kind = "fire", on = Day(Today), participants = 820 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await school.PutAsJsonAsync($"/api/safety/teams?school={code}", new { kind = "guards", members = 4, leader = "王强" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await school.PutAsJsonAsync($"/api/safety/teams?school={code}", new { kind = "guards", members = 5, leader = "王强" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync($"/api/safety/canteens?school={code}",
            new { name = "第二食堂", licenceNumber = "JY99999", licenceExpires = Day(Today.AddDays(10)), standard = true, seats = 300 })).StatusCode);
        var view = (await OkJsonAsync(await school.GetAsync($"/api/safety/?school={code}"))).GetProperty("school");
        Assert.Equal(5, view.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "guards").GetProperty("members").GetInt32());
        Assert.True(view.GetProperty("canteens").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "第二食堂").GetProperty("expiring").GetBoolean());
        Assert.Contains(view.GetProperty("drills").EnumerateArray(), d => d.GetProperty("participants").GetInt32() == 820);
        using (var bad = await school.PostAsJsonAsync($"/api/safety/drills?school={code}", new { kind = "party", participants = 0 }))
        {
            Assert.Equal(["kind", "on", "participants"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        var elsewhere = (await OtherSchoolsAsync())[0];
        Assert.Equal(HttpStatusCode.NotFound, (await school.PostAsJsonAsync($"/api/safety/drills?school={elsewhere}", new { kind = "fire", on = Day(Today), participants = 10 })).StatusCode);
    }
}
