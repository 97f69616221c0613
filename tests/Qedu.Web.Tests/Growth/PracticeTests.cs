using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Kernel.Calendar;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Growth;

/// <summary>
/// Social classrooms (社会课堂): venues approved by the unit of their level, a session's places held under concurrent
/// bookings, and a guardian's check-in at the venue with the session's code counting the child's practice days.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PracticeTests(WebApp app)
{
    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_venue_is_approved_by_the_unit_of_its_level()
    {
        var city = await app.ClientAsync("city.admin");
        var district = await app.ClientAsync("shinan.admin");
        var school = await app.ClientAsync("school.admin");
        var code = "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        using (var bad = await city.PostAsJsonAsync("/api/growth/practice/venues", new { code = "x", name = "", category = "cooking", level = "galactic", capacity = 0, address = "" }))
        {
            Assert.Equal(["address", "capacity", "category", "code", "level", "name"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        // The city's own level: approved at once.
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/growth/practice/venues", Venue(code + "C", "city"))).StatusCode);
        // A district cannot add a school's venue; a school proposes a district-level one to its district.
        using (var below = await district.PostAsJsonAsync("/api/growth/practice/venues", Venue(code + "S", "school")))
        {
            Assert.Equal(["level"], (await below.ProblemAsync()).Errors.Keys.ToList());
        }
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync("/api/growth/practice/venues", Venue(code + "D", "district"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync("/api/growth/practice/venues", Venue(code + "N", "district", standardMet: false))).StatusCode);
        var states = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().Venues.AsNoTracking().Where(v => v.Code.StartsWith(code))
            .OrderBy(v => v.Code).Select(v => new { v.Code, v.State }).ToListAsync());
        Assert.Equal([(code + "C", VenueState.Approved), (code + "D", VenueState.Proposed), (code + "N", VenueState.Proposed)], states.Select(s => (s.Code, s.State)).ToList());

        // Only the district approves its proposal, and not one that misses the entry standard; sessions only once approved.
        Assert.Equal(HttpStatusCode.NotFound, (await school.PostAsync($"/api/growth/practice/venues/{code}D/approve", null)).StatusCode);
        using (var early = await district.PostAsJsonAsync($"/api/growth/practice/venues/{code}D/sessions", Session(Today.AddDays(3))))
        {
            Assert.Equal(["code"], (await early.ProblemAsync()).Errors.Keys.ToList());
        }
        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync($"/api/growth/practice/venues/{code}D/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsync($"/api/growth/practice/venues/{code}N/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await district.PostAsJsonAsync($"/api/growth/practice/venues/{code}D/sessions", Session(Today.AddDays(3)))).StatusCode);
        var catalogue = await (await school.GetAsync("/api/growth/practice")).JsonAsync();
        Assert.Contains(catalogue.GetProperty("venues").EnumerateArray(), v => v.GetProperty("code").GetString() == code + "D" && v.GetProperty("sessions").GetArrayLength() == 1);
    }

    [Fact]
    public async Task A_study_trip_runs_only_with_a_safety_plan_the_district_approved()
    {
        var city = await app.ClientAsync("city.admin");
        var school = await app.ClientAsync("school.admin");
        var district = await app.ClientAsync("shinan.admin");
        var code = "Y-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/growth/practice/venues", Venue(code, "city", category: "study-travel"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/growth/practice/venues", Venue(code + "X", "city"))).StatusCode);

        // Courses only at a study-travel base; each field named.
        using (var bad = await city.PostAsJsonAsync($"/api/growth/practice/venues/{code}/courses", new { title = "", stage = "Kindergarten", days = 0, summary = "" }))
        {
            Assert.Equal(["days", "stage", "summary", "title"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        var course = new { title = "海洋科考", stage = "Primary", days = 1, summary = "潮间带观察与记录" };
        Assert.Equal(HttpStatusCode.Conflict, (await city.PostAsJsonAsync($"/api/growth/practice/venues/{code}X/courses", course)).StatusCode);
        var courseId = (await (await city.PostAsJsonAsync($"/api/growth/practice/venues/{code}/courses", course)).JsonAsync()).GetProperty("id").GetInt64();

        // The school's trip: a day ahead, a teacher for every twenty students, a safety plan that says enough.
        using (var bad = await school.PostAsJsonAsync("/api/growth/practice/trips",
                   new { courseId, day = Day(Today), students = 90, teachers = 2, transport = "包车", safetyPlan = "注意安全" }))
        {
            Assert.Equal(["day", "safetyPlan", "teachers"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        var plan = "路线：学校至基地，由有资质的客运公司承运；全员购买研学意外险；每车带队教师两名；应急联系人为带队校长；恶劣天气改期，伤病就近送医并报告。";
        var trip = (await (await school.PostAsJsonAsync("/api/growth/practice/trips",
            new { courseId, day = Day(Today.AddDays(10)), students = 90, teachers = 5, transport = "包车（2辆）", safetyPlan = plan })).JsonAsync()).GetProperty("id").GetInt64();

        // Not before it is approved, and never by the school itself; the district returns only with a reason, once.
        Assert.Equal(HttpStatusCode.Conflict, (await school.PostAsync($"/api/growth/practice/trips/{trip}/done", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsJsonAsync($"/api/growth/practice/trips/{trip}/review", new { approve = true })).StatusCode);
        using (var noReason = await district.PostAsJsonAsync($"/api/growth/practice/trips/{trip}/review", new { approve = false }))
        {
            Assert.Equal(["note"], (await noReason.ProblemAsync()).Errors.Keys.ToList());
        }
        Assert.Equal(HttpStatusCode.OK, (await district.PostAsJsonAsync($"/api/growth/practice/trips/{trip}/review", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsJsonAsync($"/api/growth/practice/trips/{trip}/review", new { approve = false, note = "改期" })).StatusCode);
        // Approved, but its day has not come.
        using (var early = await school.PostAsync($"/api/growth/practice/trips/{trip}/done", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }
        var view = await (await district.GetAsync("/api/growth/practice/trips")).JsonAsync();
        Assert.Equal("Approved", view.GetProperty("trips").EnumerateArray().Single(x => x.GetProperty("id").GetInt64() == trip).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_sessions_places_hold_under_concurrent_bookings()
    {
        var city = await app.ClientAsync("city.admin");
        var code = "B-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/growth/practice/venues", Venue(code, "city"))).StatusCode);
        var session = (await (await city.PostAsJsonAsync($"/api/growth/practice/venues/{code}/sessions", Session(Today.AddDays(5), capacity: 10))).JsonAsync())
            .GetProperty("id").GetInt64();

        // Six requests for three places each, at once, for ten places: three succeed (nine places), three find too few left.
        var school = await app.ClientAsync("school.admin");
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = await school.PostAsJsonAsync($"/api/growth/practice/sessions/{session}/bookings", new { places = 3, className = $"{i + 1}班" });
            return response.StatusCode;
        }));
        Assert.Equal((3, 3), (answers.Count(a => a == HttpStatusCode.Created), answers.Count(a => a == HttpStatusCode.Conflict)));
        var (booked, places) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GrowthDb>();
            return ((await db.Sessions.SingleAsync(s => s.Id == session)).Booked, await db.Bookings.IgnoreQueryFilters().Where(b => b.SessionId == session).SumAsync(b => b.Places));
        });
        Assert.Equal((9, 9), (booked, places));

        // A district is no school: it books nothing. The one place left takes a booking of one.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("shinan.admin")).PostAsJsonAsync($"/api/growth/practice/sessions/{session}/bookings", new { places = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync($"/api/growth/practice/sessions/{session}/bookings", new { places = 1 })).StatusCode);
    }

    [Fact]
    public async Task A_guardian_checks_the_child_in_with_the_sessions_code_once_and_only_where_the_school_booked()
    {
        var city = await app.ClientAsync("city.admin");
        var code = "C-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/growth/practice/venues", Venue(code, "city"))).StatusCode);
        var today = (await (await city.PostAsJsonAsync($"/api/growth/practice/venues/{code}/sessions",
            new { title = "科普实践", day = Day(Today), starts = "00:00", ends = "23:59", capacity = 30 })).JsonAsync()).GetProperty("id").GetInt64();
        var later = (await (await city.PostAsJsonAsync($"/api/growth/practice/venues/{code}/sessions", Session(Today.AddDays(2)))).JsonAsync()).GetProperty("id").GetInt64();
        var school = await app.ClientAsync("school.admin");
        foreach (var id in new[] { today, later })
        {
            Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync($"/api/growth/practice/sessions/{id}/bookings", new { places = 5 })).StatusCode);
        }
        var link = (await (await school.GetAsync($"/api/growth/practice/sessions/{today}/check-in-code")).JsonAsync()).GetProperty("link").GetString()!;
        var token = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["t"]!;
        var laterToken = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().Sessions.Where(s => s.Id == later).Select(s => s.CheckInToken).SingleAsync());

        var phone = Parents.NewPhone();
        var child = await GuardedChildren.NewAsync(app, TestWorld.AnchorSchool, phone);
        var stranger = await GuardedChildren.NewAsync(app, await OtherSchoolAsync(), Parents.NewPhone());
        var (parent, _) = await Parents.SignInAsync(app, phone);

        Assert.Equal(HttpStatusCode.NotFound, (await parent.PostAsJsonAsync("/api/parent/practice/check-in", new { session = today, token = "wrong", studentId = child })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await parent.PostAsJsonAsync("/api/parent/practice/check-in", new { session = later, token = laterToken, studentId = child })).StatusCode);
        using (var notMine = await parent.PostAsJsonAsync("/api/parent/practice/check-in", new { session = today, token, studentId = stranger }))
        {
            Assert.Equal(["studentId"], (await notMine.ProblemAsync()).Errors.Keys.ToList());
        }
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var done = await parent.PostAsJsonAsync("/api/parent/practice/check-in", new { session = today, token, studentId = child });
            Assert.Equal(1, (await done.JsonAsync()).GetProperty("days").GetInt32());
        }
        var days = (await (await parent.GetAsync("/api/parent/practice")).JsonAsync()).EnumerateArray().Single(c => c.GetProperty("studentId").GetInt64() == child);
        Assert.Equal((1, 10), (days.GetProperty("days").GetInt32(), days.GetProperty("target").GetInt32()));

        // A child of a school that did not book the session is not checked in there.
        var otherPhone = Parents.NewPhone();
        var outsider = await GuardedChildren.NewAsync(app, await OtherSchoolAsync(), otherPhone);
        var (otherParent, _) = await Parents.SignInAsync(app, otherPhone);
        Assert.Equal(HttpStatusCode.Conflict, (await otherParent.PostAsJsonAsync("/api/parent/practice/check-in", new { session = today, token, studentId = outsider })).StatusCode);
        // Staff cannot use the guardians' check-in.
        Assert.NotEqual(HttpStatusCode.OK, (await school.PostAsJsonAsync("/api/parent/practice/check-in", new { session = today, token, studentId = child })).StatusCode);
    }

    private static object Venue(string code, string level, bool standardMet = true, string category = "science") =>
        new { code, name = "测试场馆" + code, category, level, standardMet, capacity = 100, address = "青岛市市南区香港中路", latitude = 36.06, longitude = 120.38 };

    private static object Session(DateOnly day, int capacity = 40) =>
        new { title = "实践课堂", day = Day(day), starts = "09:00", ends = "11:30", capacity };

    private Task<string> OtherSchoolAsync() => app.KernelAsync(db => db.OrgUnits
        .Where(o => o.Parent!.Code == TestWorld.Shinan && o.Kind == Qedu.Kernel.OrgUnits.OrgUnitKind.School && o.Code != TestWorld.AnchorSchool)
        .OrderBy(o => o.Code).Select(o => o.Code).FirstAsync());
}
