using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;
using Qedu.Teachers.Rules;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Registry.RegistryPages;
using static Qedu.Web.Tests.Teachers.TeacherWorld;

namespace Qedu.Web.Tests.Teachers;

/// <summary>
/// Rotation (交流轮岗): who is due by the rules, hand-worked; a school proposes, only the district approves, and the move
/// changes the registry's staff record with its dated history while the teacher's records follow, in one transaction;
/// the rural incentives add up; the demo city has a plan.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RotationTests(WebApp app)
{
    private RotationRules Rules => app.Services.GetRequiredService<TeacherRules>().Rotation;

    [Fact]
    public void Who_is_due_and_the_quota_follow_the_rules()
    {
        // Counted to 2026-08-31: six years back is 2020-08-31.
        Assert.True(Rules.IsDue("1", "1", new DateOnly(2020, 8, 31), 2026));
        Assert.False(Rules.IsDue("1", "1", new DateOnly(2020, 9, 1), 2026));
        Assert.True(Rules.IsDue("2", "1", new DateOnly(2020, 8, 31), 2026)); // a principal: two terms of three years
        Assert.False(Rules.IsDue("3", "1", new DateOnly(2000, 1, 1), 2026)); // teaching support does not rotate
        Assert.False(Rules.IsDue("1", "2", new DateOnly(2000, 1, 1), 2026)); // a contract teacher neither
        Assert.False(Rules.IsDue("1", "1", null, 2026)); // no hire date, no years to count
        Assert.Equal(6, Rules.YearsAt(new DateOnly(2019, 9, 1), 2026));
        Assert.Equal(7, Rules.YearsAt(new DateOnly(2019, 8, 31), 2026));
        // 45 due: 10 % → 5 moves; of 7 moves, 20 % backbone → 2, 30 % urban → rural → 3.
        Assert.Equal((5, 2, 3), Rules.Quota(45, 7));
    }

    [Fact]
    public async Task A_school_proposes_the_district_approves_and_the_teacher_moves_with_history_and_records()
    {
        var from = await app.OtherShinanSchoolAsync();
        var to = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shinan && o.Kind == OrgUnitKind.School && o.Code != from && o.ClosedOn == null)
            .OrderByDescending(o => o.Code).Select(o => o.Code).FirstAsync());
        var body = Records.New(Records.Staff, from, "轮岗");
        body["hiredOn"] = "2012-09-01";
        var staffId = await Records.CreateAsync(app, Records.Staff, from, body);
        var (_, newcomer) = await app.NewTeacherAsync("新人");
        var school = await app.ClientAsync(await app.NewAccountAsync("rotation.school", Roles.SchoolAdmin, from));
        var district = await app.ClientAsync("shinan.admin");
        var number = $"R{Guid.NewGuid().ToString("N")[..12]}".ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Created, (await district.PostAsJsonAsync($"/api/teachers/{staffId}/certificates",
            new { type = "Primary", subject = "数学", number, issuedOn = "2011-07-01" })).StatusCode);

        // One not yet due is refused by name, in the reader's language.
        using (var refused = await school.SendAsync(Http.Request(HttpMethod.Post, "/api/teachers/rotation/moves",
            Http.Json(new { staffId = newcomer, toSchool = to, effectiveOn = Day(Today) }), "en")))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.StartsWith("新人老师 is not due to rotate in", (await refused.ProblemAsync()).Detail, StringComparison.Ordinal);
        }
        using (var elsewhere = await school.PostAsJsonAsync("/api/teachers/rotation/moves", new { staffId, toSchool = TestWorld.OtherCitySchool, effectiveOn = Day(Today) }))
        {
            Assert.Equal(app.Text<TeachersText>("Rotation.ToSchool"), (await elsewhere.ProblemAsync()).Errors["toSchool"][0]);
        }
        using var proposed = await school.PostAsJsonAsync("/api/teachers/rotation/moves", new { staffId, toSchool = to, effectiveOn = Day(Today) });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var moveId = (await proposed.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await school.PostAsJsonAsync("/api/teachers/rotation/moves", new { staffId, toSchool = to, effectiveOn = Day(Today) })).StatusCode);

        // The school cannot approve its own proposal; the district can, and a move due today is made at once.
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsync($"/api/teachers/rotation/moves/{moveId}/approve", null)).StatusCode);
        using (var approved = await district.PostAsync($"/api/teachers/rotation/moves/{moveId}/approve", null))
        {
            Assert.Equal("Applied", (await approved.JsonAsync()).GetString());
        }
        var (toId, fromId) = await app.KernelAsync(async db => (
            await db.OrgUnits.Where(o => o.Code == to).Select(o => o.Id).SingleAsync(), await db.OrgUnits.Where(o => o.Code == from).Select(o => o.Id).SingleAsync()));
        Assert.Equal(toId, await app.RegistryAsync(db => db.Staff.IgnoreQueryFilters().Where(s => s.Id == staffId).Select(s => s.OrgUnitId).SingleAsync()));
        Assert.Equal(toId, await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Certificates.Where(c => c.Number == number).Select(c => c.OrgUnitId).SingleAsync()));

        // The dated history: at the old school from the hire date to yesterday, at the new one from today.
        var profile = await (await district.GetAsync($"/api/teachers/{staffId}")).JsonAsync();
        var postings = profile.GetProperty("postings").EnumerateArray()
            .Select(p => (p.GetProperty("from").GetString(), p.GetProperty("to").ValueKind == JsonValueKind.Null ? null : p.GetProperty("to").GetString(), p.GetProperty("reason").GetString()))
            .ToList();
        Assert.Equal([("2012-09-01", Day(Today.AddDays(-1)), "hire"), (Day(Today), null, "rotation")], postings);
        Assert.Equal(2, Regex(await PageAsync(district, $"/teachers/{staffId}"), "posting"));

        // The old school no longer keeps the record; a made move cannot be withdrawn.
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/api/teachers/{staffId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsync($"/api/teachers/rotation/moves/{moveId}/withdraw", null)).StatusCode);
        var move = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().RotationMoves.AsNoTracking().SingleAsync(m => m.Id == moveId));
        Assert.Equal((RotationState.Applied, fromId, toId), (move.State, move.OrgUnitId, move.ToSchoolId));

        var plan = await (await district.GetAsync($"/api/teachers/rotation?district={TestWorld.Shinan}&year={Today.Year}")).JsonAsync();
        Assert.Contains(plan.GetProperty("moves").EnumerateArray(), m => m.GetProperty("id").GetInt64() == moveId && m.GetProperty("state").GetString() == "Applied");
        Assert.True(plan.GetProperty("quota").GetProperty("due").GetInt32() > 0);
    }

    [Fact]
    public async Task Rural_subsidies_add_up_by_tier_and_the_demo_city_has_a_rotation_plan()
    {
        var city = await app.ClientAsync("city.admin");
        var rural = await (await city.GetAsync("/api/teachers/rural")).JsonAsync();
        var schools = rural.GetProperty("schools").EnumerateArray().ToList();
        Assert.NotEmpty(schools);
        Assert.All(schools, s => Assert.Equal((long)s.GetProperty("teachers").GetInt32() * s.GetProperty("monthly").GetInt32(), s.GetProperty("monthlyTotal").GetInt64()));
        Assert.Equal(schools.Sum(s => s.GetProperty("monthlyTotal").GetInt64()), rural.GetProperty("tiers").EnumerateArray().Sum(t => t.GetProperty("monthlyTotal").GetInt64()));
        var first = schools[0];
        var one = await (await city.GetAsync($"/api/teachers/rural?school={first.GetProperty("code").GetString()}")).JsonAsync();
        Assert.Equal(first.GetProperty("teachers").GetInt32(), one.GetProperty("teachers").GetArrayLength());

        var moves = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().RotationMoves.AsNoTracking().Where(m => m.ProposedBy == "demo")
            .Select(m => m.State).ToListAsync());
        Assert.Contains(RotationState.Applied, moves);
        Assert.Contains(RotationState.Proposed, moves);
        // The city's first view opens on a district with a plan (the plan in hand: next school year's after 31 August).
        var plan = await (await city.GetAsync("/api/teachers/rotation")).JsonAsync();
        Assert.NotEqual(JsonValueKind.Null, plan.GetProperty("districtCode").ValueKind);
        var inHand = Today > new DateOnly(Today.Year, 8, 31) ? Today.Year + 1 : Today.Year;
        Assert.Equal(inHand, plan.GetProperty("year").GetInt32());
    }

    private static int Regex(string html, string testId) => System.Text.RegularExpressions.Regex.Count(html, $"data-testid=\"{testId}\"");
}
