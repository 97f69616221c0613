using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Family.Data;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Growth;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Family;

/// <summary>
/// Parent courses (家长大课堂): a district puts on a session, the parents of its schools' children see it and take seats
/// from their phones — never more than there are, however many at once — and a parent elsewhere does not; the
/// attendance on the day; materials as a file or a link, sniffed, and downloaded by the parents; bad sessions refused
/// naming the fields in the caller's language; a school cannot organise for its district.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ParentCourseTests(WebApp app)
{
    /// <summary>The district these tests put sessions on in (崂山); the parent elsewhere is in 市南.</summary>
    private const string District = "370212";

    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<List<string>> SchoolsAsync(string district) => app.KernelAsync(async db =>
    {
        var id = await db.OrgUnits.Where(o => o.Code == district).Select(o => o.Id).SingleAsync();
        return await (from c in db.OrgClosure
                      join o in db.OrgUnits on c.DescendantId equals o.Id
                      where c.AncestorId == id && o.Kind == OrgUnitKind.School && (o.SchoolTypeCode == "211" || o.SchoolTypeCode == "312")
                      orderby o.Code
                      select o.Code).ToListAsync();
    });

    /// <summary>A session tomorrow put on by a new administrator of the district.</summary>
    private async Task<(HttpClient Organiser, long Course)> SessionAsync(int capacity, string title = "测试讲座")
    {
        var organiser = await app.ClientAsync(await app.NewAccountAsync("courses.district", Roles.DistrictAdmin, District));
        var created = await OkJsonAsync(await organiser.PostAsJsonAsync($"/api/family/courses/?unit={District}", new
        {
            title, speaker = "王老师", summary = "亲子沟通", day = Day(Today.AddDays(1)), starts = "19:00", ends = "20:30", place = "区教育局报告厅", capacity,
        }));
        return (organiser, created.GetProperty("id").GetInt64());
    }

    /// <summary>A parent signed in whose new child is at the school.</summary>
    private async Task<HttpClient> ParentAtAsync(string school)
    {
        var phone = Parents.NewPhone();
        await GuardedChildren.NewAsync(app, school, phone, "讲座学生");
        return (await Parents.SignInAsync(app, phone)).Client;
    }

    private static JsonElement? Find(JsonElement list, long course) =>
        list.EnumerateArray().Where(c => c.GetProperty("id").GetInt64() == course).Select(c => (JsonElement?)c).FirstOrDefault();

    [Fact]
    public async Task Parents_of_the_districts_schools_take_seats_that_never_run_over_and_a_parent_elsewhere_sees_nothing()
    {
        var schools = await SchoolsAsync(District);
        var (_, course) = await SessionAsync(capacity: 2);
        var parents = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            parents.Add(await ParentAtAsync(schools[i % schools.Count]));
        }
        var seen = Find(await OkJsonAsync(await parents[0].GetAsync("/api/parent/courses/")), course)!.Value;
        Assert.Equal((2, true, false), (seen.GetProperty("seatsLeft").GetInt32(), seen.GetProperty("open").GetBoolean(), seen.GetProperty("registered").GetBoolean()));

        // Three parents at once for two seats: two taken, one told it is full; the count is the rows'.
        var answers = await Task.WhenAll(parents.Select(p => p.PostAsJsonAsync("/api/parent/courses/register", new { course })));
        var bodies = string.Join(" | ", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")));
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) == 2, bodies);
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var counts = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<FamilyDb>();
            return (await db.ParentCourses.Where(c => c.Id == course).Select(c => c.Registered).SingleAsync(),
                await db.CourseSeats.CountAsync(s => s.CourseId == course && s.CancelledOn == null));
        });
        Assert.Equal((2, 2), counts);

        var holder = parents[answers.ToList().FindIndex(a => a.StatusCode == HttpStatusCode.OK)];
        var waiting = parents[answers.ToList().FindIndex(a => a.StatusCode == HttpStatusCode.Conflict)];
        Assert.Equal(HttpStatusCode.Conflict, (await holder.PostAsJsonAsync("/api/parent/courses/register", new { course })).StatusCode);
        // Giving a seat back lets the parent turned away in.
        await OkJsonAsync(await holder.PostAsJsonAsync("/api/parent/courses/cancel", new { course }));
        Assert.Equal(HttpStatusCode.Conflict, (await holder.PostAsJsonAsync("/api/parent/courses/cancel", new { course })).StatusCode);
        await OkJsonAsync(await waiting.PostAsJsonAsync("/api/parent/courses/register", new { course }));
        var after = Find(await OkJsonAsync(await waiting.GetAsync("/api/parent/courses/")), course)!.Value;
        Assert.Equal((0, true), (after.GetProperty("seatsLeft").GetInt32(), after.GetProperty("registered").GetBoolean()));

        // A parent whose child is in another district neither sees the session nor may take a seat.
        var elsewhere = await ParentAtAsync((await SchoolsAsync("370202"))[0]);
        Assert.Null(Find(await OkJsonAsync(await elsewhere.GetAsync("/api/parent/courses/")), course));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync("/api/parent/courses/register", new { course })).StatusCode);
        foreach (var a in answers)
        {
            a.Dispose();
        }
    }

    [Fact]
    public async Task The_attendance_is_taken_on_the_day_and_counts_in_the_years_figures()
    {
        var schools = await SchoolsAsync(District);
        var (organiser, course) = await SessionAsync(capacity: 10);
        var first = await ParentAtAsync(schools[0]);
        var second = await ParentAtAsync(schools[^1]);
        await OkJsonAsync(await first.PostAsJsonAsync("/api/parent/courses/register", new { course }));
        await OkJsonAsync(await second.PostAsJsonAsync("/api/parent/courses/register", new { course }));

        // Not before the day.
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.PutAsJsonAsync($"/api/family/courses/{course}/attendance", new { present = Array.Empty<long>() })).StatusCode);

        // The session's day comes.
        await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().ParentCourses.Where(c => c.Id == course)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Day, Today.AddDays(-1))));
        var detail = await OkJsonAsync(await organiser.GetAsync($"/api/family/courses/{course}"));
        var seats = detail.GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal(2, seats.Count);
        // The parents' numbers are masked for the organiser too.
        Assert.All(seats, s => Assert.Contains("****", s.GetProperty("phone").GetString(), StringComparison.Ordinal));
        var came = seats[0].GetProperty("id").GetInt64();

        var overviewBefore = await OkJsonAsync(await organiser.GetAsync("/api/family/courses/"));
        using (var stranger = await organiser.PutAsJsonAsync($"/api/family/courses/{course}/attendance", new { present = new[] { came, 999_999_999L } }))
        {
            Assert.Equal(["present"], (await stranger.ProblemAsync()).Errors.Keys);
        }
        var taken = await OkJsonAsync(await organiser.PutAsJsonAsync($"/api/family/courses/{course}/attendance", new { present = new[] { came } }));
        Assert.Equal(1, taken.GetProperty("present").GetInt32());
        var attended = (await OkJsonAsync(await organiser.GetAsync($"/api/family/courses/{course}"))).GetProperty("seats").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetInt64(), s => s.GetProperty("attended").GetBoolean());
        Assert.Equal(2, attended.Count);
        Assert.True(attended[came]);
        Assert.False(attended.Single(a => a.Key != came).Value);

        var overview = await OkJsonAsync(await organiser.GetAsync("/api/family/courses/"));
        Assert.Equal(overviewBefore.GetProperty("attended").GetInt32() + 1, overview.GetProperty("attended").GetInt32());
        var line = overview.GetProperty("past").EnumerateArray().Single(l => l.GetProperty("id").GetInt64() == course);
        Assert.Equal((2, 1), (line.GetProperty("registered").GetInt32(), line.GetProperty("attended").GetInt32()));

        // The organiser's page shows the seats taken and the attendance form; a reader's, who came and who did not.
        var page = await (await organiser.GetAsync($"/family/courses?id={course}")).Content.ReadAsStringAsync();
        Assert.Contains("已报名 2 / 10", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"attendance-form\"", page, StringComparison.Ordinal);
        var reader = await app.ClientAsync(await app.NewAccountAsync("courses.reader", Roles.DepartmentStaff, District));
        var read = await (await reader.GetAsync($"/family/courses?id={course}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"attendance-form\"", read, StringComparison.Ordinal);
        Assert.Contains("<td>✓</td>", read, StringComparison.Ordinal);
        Assert.Contains("<td>✗</td>", read, StringComparison.Ordinal);

        // The parent sees they came; seats can no longer be given back.
        var mine = (await OkJsonAsync(await first.GetAsync("/api/parent/courses/"))).EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == course);
        Assert.False(mine.GetProperty("open").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsJsonAsync("/api/parent/courses/cancel", new { course })).StatusCode);
    }

    [Fact]
    public async Task Materials_are_a_sniffed_file_or_a_link_and_the_parents_download_them()
    {
        var schools = await SchoolsAsync(District);
        var (organiser, course) = await SessionAsync(capacity: 10);
        var pdf = "%PDF-1.4\n% 讲义\n"u8.ToArray().Concat(Enumerable.Repeat((byte)'x', 200)).ToArray();

        static MultipartFormDataContent Form(string title, byte[]? file, string fileName, string? url)
        {
            var form = new MultipartFormDataContent { { new StringContent(title), "title" } };
            if (file is not null)
            {
                form.Add(new ByteArrayContent(file), "file", fileName);
            }
            if (url is not null)
            {
                form.Add(new StringContent(url), "url");
            }
            return form;
        }

        using (var renamed = await organiser.PostAsync($"/api/family/courses/{course}/materials", Form("假讲义", "<html>not a pdf</html>"u8.ToArray(), "讲义.pdf", null)))
        {
            var problem = await renamed.ProblemAsync();
            Assert.Equal(["file"], problem.Errors.Keys);
            Assert.Contains("讲义.pdf", problem.Errors["file"][0], StringComparison.Ordinal);
        }
        using (var both = await organiser.PostAsync($"/api/family/courses/{course}/materials", Form("两者", pdf, "a.pdf", "https://example.org/a")))
        {
            Assert.Equal(["url"], (await both.ProblemAsync()).Errors.Keys);
        }
        var file = (await OkJsonAsync(await organiser.PostAsync($"/api/family/courses/{course}/materials", Form("讲义", pdf, "讲义.pdf", null)))).GetProperty("id").GetInt64();
        await OkJsonAsync(await organiser.PostAsync($"/api/family/courses/{course}/materials", Form("回放", null, "", "https://example.org/replay")));
        Assert.Equal(2, await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CourseMaterials.CountAsync(m => m.CourseId == course)));

        var parent = await ParentAtAsync(schools[0]);
        var listed = Find(await OkJsonAsync(await parent.GetAsync("/api/parent/courses/")), course)!.Value.GetProperty("materials").EnumerateArray().ToList();
        Assert.Equal(["讲义", "回放"], listed.Select(m => m.GetProperty("title").GetString()));
        using (var download = await parent.GetAsync($"/api/parent/courses/{course}/materials/{file}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        }
        var elsewhere = await ParentAtAsync((await SchoolsAsync("370202"))[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/parent/courses/{course}/materials/{file}")).StatusCode);
    }

    [Theory]
    [InlineData(null, "必填。", "应在 1 到 5000 之间。")]
    [InlineData("en", "Required.", "Must be between 1 and 5000.")]
    public async Task A_bad_session_is_refused_naming_its_fields_in_the_callers_language_and_nothing_is_written(string? language, string required, string capacity)
    {
        var organiser = await app.ClientAsync(await app.NewAccountAsync("courses.bad", Roles.DistrictAdmin, District));
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().ParentCourses.CountAsync());
        using var bad = await organiser.SendAsync(Http.Request(HttpMethod.Post, "/api/family/courses/", Http.Json(new
        {
            title = "", speaker = "王老师", summary = "x", day = Day(Today.AddDays(-1)), starts = "20:00", ends = "19:00", place = "x", capacity = 0,
        }), language));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ProblemAsync();
        Assert.Equal(["capacity", "day", "ends", "title"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(required, problem.Errors["title"][0]);
        Assert.Equal(capacity, problem.Errors["capacity"][0]);
        Assert.Equal(before, await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().ParentCourses.CountAsync()));
    }

    [Fact]
    public async Task A_school_organises_for_itself_not_for_its_district_and_another_district_sees_nothing()
    {
        var school = (await SchoolsAsync(District))[0];
        var admin = await app.ClientAsync(await app.NewAccountAsync("courses.school", Roles.SchoolAdmin, school));
        var body = new { title = "本校讲座", speaker = "李老师", summary = "x", day = Day(Today.AddDays(3)), starts = "19:00", ends = "20:00", place = "礼堂", capacity = 50 };
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/family/courses/?unit={District}", body)).StatusCode);
        var own = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/family/courses/", body))).GetProperty("id").GetInt64();
        var organiser = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().ParentCourses.Where(c => c.Id == own).Select(c => c.OrgUnitId).SingleAsync());
        Assert.Equal(await app.KernelAsync(db => db.OrgUnits.Where(o => o.Code == school).Select(o => o.Id).SingleAsync()), organiser);

        var (_, districts) = await SessionAsync(capacity: 5);
        var other = await app.ClientAsync(await app.NewAccountAsync("courses.other", Roles.DistrictAdmin, "370202"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/family/courses/{districts}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/family/courses/{districts}/attendance", new { present = Array.Empty<long>() })).StatusCode);
        Assert.DoesNotContain((await OkJsonAsync(await other.GetAsync("/api/family/courses/"))).GetProperty("upcoming").EnumerateArray(),
            l => l.GetProperty("id").GetInt64() == districts);
        // The school's administrator sees their own session, not the district's (organised above them).
        var upcoming = (await OkJsonAsync(await admin.GetAsync("/api/family/courses/"))).GetProperty("upcoming").EnumerateArray().Select(l => l.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(own, upcoming);
        Assert.DoesNotContain(districts, upcoming);
    }
}
