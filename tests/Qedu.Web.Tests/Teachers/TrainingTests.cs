using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;
using Qedu.Teachers.Rules;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Registry.RegistryPages;
using static Qedu.Web.Tests.Teachers.TeacherWorld;

namespace Qedu.Web.Tests.Teachers;

/// <summary>
/// Continuing education (研训): the cycle's rules against hand-worked cases, hours a school enters, a provider's file
/// checked row by row and written whole or not at all, the catalogue's capacity under concurrent enrolments, and a
/// course's close crediting those who attended enough.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TrainingTests(WebApp app)
{
    private static readonly int[] Attended = [5, 4, 3];

    private TrainingRules Rules => app.Services.GetRequiredService<TeacherRules>().Training;

    [Fact]
    public void The_cycle_counts_caps_and_floors_and_prorates_a_teacher_hired_during_it()
    {
        // Cycles of five years from 2021: 2021–2025, 2026–2030; 2016–2020 before them.
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)), Rules.CycleOf(new DateOnly(2026, 12, 6)));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31)), Rules.CycleOf(new DateOnly(2025, 12, 31)));
        Assert.Equal((new DateOnly(2016, 1, 1), new DateOnly(2020, 12, 31)), Rules.CycleOf(new DateOnly(2020, 6, 1)));

        var cycle = Rules.CycleOf(new DateOnly(2026, 1, 1));
        // 1,826 days (2028 is a leap year); a year gone: 360 × 365 / 1826 = 71.96 → 71 expected.
        Assert.Equal((360.0, 71.0), Rules.Owed(cycle, null, new DateOnly(2026, 12, 31)));
        // Hired on 2028-01-01: 1,096 days left, 360 × 1096 / 1826 = 216.08 → 217 owed; a year on, 217 × 366 / 1096 = 72.46 → 72.
        Assert.Equal((217.0, 72.0), Rules.Owed(cycle, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)));

        // School-based study counts up to 120; "Other" not at all; IT has a floor of 50.
        var hours = new Dictionary<string, double> { ["SchoolBased"] = 150, ["InformationTechnology"] = 40, ["Pedagogy"] = 100, ["Other"] = 30 };
        Assert.Equal((260.0, false), Rules.Count(hours));
        // Half a cycle owed: the floor halves (25), so 40 hours of IT meet it.
        Assert.Equal((260.0, true), Rules.Count(hours, 0.5));
        hours["InformationTechnology"] = 50;
        Assert.Equal((270.0, true), Rules.Count(hours));
    }

    [Fact]
    public async Task A_school_records_hours_and_the_teachers_standing_counts_them_by_the_rules()
    {
        var (schoolCode, staffId) = await app.NewTeacherAsync("学时");
        var school = await app.ClientAsync(await app.NewAccountAsync("training.school", Qedu.Kernel.Access.Roles.SchoolAdmin, schoolCode));
        var path = $"/api/teachers/{staffId}/training";

        using (var bad = await school.PostAsJsonAsync(path, new { title = "", category = "Cooking", hours = 2.25, completedOn = Day(Today.AddDays(1)) }))
        {
            var problem = await bad.ProblemAsync();
            Assert.Equal(["category", "completedOn", "hours", "title"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        }
        using (var english = await school.SendAsync(Http.Request(HttpMethod.Post, path, Http.Json(new { title = "x", category = "Pedagogy", hours = 0 }), "en")))
        {
            Assert.StartsWith("Hours must be more than 0", (await english.ProblemAsync()).Errors["hours"][0], StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Hours.CountAsync(h => h.StaffId == staffId)));

        foreach (var (title, category, hours) in new[] { ("集体备课", "SchoolBased", 130.0), ("大单元教学", "Pedagogy", 10.5), ("读书会", "Other", 5.0) })
        {
            using var added = await school.PostAsJsonAsync(path, new { title, category, hours, completedOn = Day(Today) });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        var view = await (await school.GetAsync(path)).JsonAsync();
        var standing = view.GetProperty("standing");
        // 130 of school-based study count as 120 (the cap), 10.5 of teaching practice, none of "other".
        Assert.Equal(130.5, standing.GetProperty("counted").GetDouble());
        Assert.Equal(360, standing.GetProperty("target").GetDouble());
        Assert.Equal(Rules.Owed(Rules.CycleOf(Today), null, Today).Expected, standing.GetProperty("expected").GetDouble());
        Assert.False(standing.GetProperty("done").GetBoolean());
        Assert.Equal(5.0, view.GetProperty("byCategory").GetProperty("Other").GetDouble());
        Assert.Equal(3, view.GetProperty("lines").GetArrayLength());

        // Another district sees no such teacher, and cannot add to their hours.
        var shibei = await app.ClientAsync(await app.NewAccountAsync("training.shibei", Qedu.Kernel.Access.Roles.DistrictAdmin, TestWorld.Shibei));
        Assert.Equal(HttpStatusCode.NotFound, (await shibei.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shibei.PostAsJsonAsync(path, new { title = "x", category = "Pedagogy", hours = 2, completedOn = Day(Today) })).StatusCode);

        // The teacher's page shows the lines, and its form names a bad field beside it.
        var page = $"/teachers/{staffId}/training";
        Assert.Equal(3, Cells(await PageAsync(school, page), "hours-line").Count);
        using var refused = await PageForms.SubmitAsync(school, page, "hours", new Dictionary<string, string>
        {
            ["Hours.Title"] = "线上研修", ["Hours.Category"] = "Pedagogy", ["Hours.Hours"] = "很多", ["Hours.CompletedOn"] = Day(Today),
        });
        Assert.Equal(app.Text<TeachersText>("Training.Hours").Replace("{0}", "200", StringComparison.Ordinal), (await refused.FieldErrorsAsync())["hours"]);
        using var saved = await PageForms.SubmitAsync(school, page, "hours", new Dictionary<string, string>
        {
            ["Hours.Title"] = "线上研修", ["Hours.Category"] = "Pedagogy", ["Hours.Hours"] = "6", ["Hours.CompletedOn"] = Day(Today),
        });
        Assert.Equal(page, saved.RedirectPath());
        Assert.Equal(4, Cells(await PageAsync(school, page), "hours-line").Count);
    }

    [Fact]
    public async Task A_providers_file_is_checked_row_by_row_and_written_whole_or_not_at_all()
    {
        var city = await app.ClientAsync("city.admin");
        var course = await NewCourseAsync(city, hours: 24, capacity: 50, startsOn: Today.AddDays(-40), endsOn: Today.AddDays(-10));
        var (_, first) = await app.NewTeacherAsync("文件甲");
        var (_, second) = await app.NewTeacherAsync("文件乙");
        var a = await StaffNumberAsync(city, first);
        var b = await StaffNumberAsync(city, second);
        var district = await app.ClientAsync("shinan.admin");

        var bad = $"教职工号,课程代码,学时,完成日期\n{a},{course},24,{Day(Today.AddDays(-10))}\nNOBODY,{course},24,{Day(Today.AddDays(-10))}\n"
            + $"{b},NO-SUCH,8,{Day(Today.AddDays(-10))}\n{b},{course},30,2026-13-01\n{a},{course},12,{Day(Today.AddDays(-10))}\n";
        using (var refused = await UploadAsync(district, bad, dryRun: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var report = await refused.JsonAsync();
            var problems = report.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
            Assert.Equal([(3, "教职工号"), (4, "课程代码"), (5, "完成日期"), (5, "学时"), (6, "课程代码")], problems);
            Assert.Contains(report.GetProperty("problems").EnumerateArray(),
                p => p.GetProperty("message").GetString() == app.Text<TeachersText>("Training.Row.Twice").Replace("{0}", "2", StringComparison.Ordinal));
        }
        Assert.Equal(0, await LinesAsync(first, second));

        var good = $"教职工号,课程代码,学时,完成日期\n{a},{course},24,{Day(Today.AddDays(-10))}\n{b},{course},20,{Day(Today.AddDays(-10))}\n";
        using (var checkedOnly = await UploadAsync(district, good, dryRun: true))
        {
            var report = await checkedOnly.JsonAsync();
            Assert.Equal((true, true, 2, 44.0), (report.GetProperty("ok").GetBoolean(), report.GetProperty("dryRun").GetBoolean(), report.GetProperty("rows").GetInt32(),
                report.GetProperty("hours").GetDouble()));
        }
        Assert.Equal(0, await LinesAsync(first, second));
        using (var imported = await UploadAsync(district, good, dryRun: false))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        Assert.Equal(2, await LinesAsync(first, second));
        var line = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Hours.AsNoTracking().SingleAsync(h => h.StaffId == second));
        Assert.Equal((HoursSource.ProviderFile, 20.0, "provider.csv"), (line.Source, line.Hours, line.FileName));

        // The same file again: each row already credited, in English for an English reader; nothing more written.
        using (var again = await district.SendAsync(Http.Request(HttpMethod.Post, "/api/teachers/training/import", Upload(good, false), "en")))
        {
            var messages = (await again.JsonAsync()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).ToList();
            Assert.Equal([$"{a} has already been credited for course {course}", $"{b} has already been credited for course {course}"], messages);
        }
        Assert.Equal(2, await LinesAsync(first, second));

        // The page's form checks a file the same way and shows each problem by row.
        var html = await district.GetStringAsync("/teachers/training");
        using var form = Upload($"教职工号,课程代码,学时,完成日期\n{a},NO-SUCH,1,{Day(Today)}\n", dryRun: true);
        form.Add(new StringContent(Qedu.Testing.QeduApp.AntiforgeryToken(html)), "__RequestVerificationToken");
        form.Add(new StringContent("import"), "_handler");
        form.Add(new StringContent("true"), "Upload.DryRun");
        using var posted = await district.PostAsync("/teachers/training", form);
        var text = await posted.TextAsync();
        Assert.Contains(app.Text<TeachersText>("Training.Row.Course").Replace("{0}", "NO-SUCH", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-problems\"", text, StringComparison.Ordinal);

        // A school cannot credit a teacher of another school.
        var otherSchool = await app.ClientAsync(await app.NewAccountAsync("training.anchor", Qedu.Kernel.Access.Roles.SchoolAdmin, TestWorld.AnchorSchool));
        using var outside = await UploadAsync(otherSchool, $"教职工号,课程代码,学时,完成日期\n{a},{course},1,{Day(Today)}\n", dryRun: true);
        Assert.Equal([(2, "教职工号")], (await outside.JsonAsync()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList());
    }

    [Fact]
    public async Task Enrolment_holds_a_courses_capacity_under_concurrent_requests_and_its_close_credits_those_who_attended()
    {
        var city = await app.ClientAsync("city.admin");
        var course = await NewCourseAsync(city, hours: 16, capacity: 3, startsOn: Today.AddDays(-20), endsOn: Today.AddDays(-1), sessions: 5);
        var teachers = new List<(long Id, string Number)>();
        for (var i = 0; i < 6; i++)
        {
            var (_, id) = await app.NewTeacherAsync($"名额{i}");
            teachers.Add((id, await StaffNumberAsync(city, id)));
        }
        var district = await app.ClientAsync("shinan.admin");
        var answers = await Task.WhenAll(teachers.Select(async t =>
        {
            using var response = await district.PostAsJsonAsync($"/api/teachers/training/courses/{course}/enrolments", new { staffNumber = t.Number });
            return response.StatusCode;
        }));
        Assert.Equal(3, answers.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(3, answers.Count(s => s == HttpStatusCode.Conflict));
        var (enrolled, rows) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<TeachersDb>();
            var c = await db.Courses.AsNoTracking().SingleAsync(x => x.Code == course);
            return (c.Enrolled, await db.Enrolments.CountAsync(e => e.CourseId == c.Id));
        });
        Assert.Equal((3, 3), (enrolled, rows));

        var view = await (await district.GetAsync($"/api/teachers/training/courses/{course}")).JsonAsync();
        var ids = view.GetProperty("enrolments").EnumerateArray().Select(e => e.GetProperty("staffId").GetInt64()).ToList();
        Assert.Equal(4, view.GetProperty("sessionsNeeded").GetInt32()); // 80 % of 5
        // Attendance and the close are the owner's (the city's course): the district may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PutAsJsonAsync($"/api/teachers/training/courses/{course}/enrolments/{ids[0]}", new { sessionsAttended = 5 })).StatusCode);
        foreach (var (id, sessions) in ids.Zip(Attended))
        {
            Assert.Equal(HttpStatusCode.OK, (await city.PutAsJsonAsync($"/api/teachers/training/courses/{course}/enrolments/{id}", new { sessionsAttended = sessions })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await city.PutAsJsonAsync($"/api/teachers/training/courses/{course}/enrolments/{ids[0]}", new { sessionsAttended = 6 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsync($"/api/teachers/training/courses/{course}/close", null)).StatusCode);

        var closed = await (await city.PostAsync($"/api/teachers/training/courses/{course}/close", null)).JsonAsync();
        Assert.Equal((2, 1, 0), (closed.GetProperty("credited").GetInt32(), closed.GetProperty("notCompleted").GetInt32(), closed.GetProperty("alreadyCredited").GetInt32()));
        var credited = await app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Hours.AsNoTracking()
            .Where(h => ids.Contains(h.StaffId) && h.Source == HoursSource.Course).Select(h => new { h.StaffId, h.Hours, h.CompletedOn }).ToListAsync());
        Assert.Equal([(ids[0], 16.0, Today.AddDays(-1)), (ids[1], 16.0, Today.AddDays(-1))],
            credited.OrderBy(c => ids.IndexOf(c.StaffId)).Select(c => (c.StaffId, c.Hours, c.CompletedOn)).ToList());
        using var late = await district.PostAsJsonAsync($"/api/teachers/training/courses/{course}/enrolments", new { staffNumber = teachers[5].Number });
        Assert.Equal(app.Text<TeachersText>("Training.Closed"), (await late.ProblemAsync()).Detail);
        Assert.Equal(HttpStatusCode.Conflict, (await city.PostAsync($"/api/teachers/training/courses/{course}/close", null)).StatusCode);
    }

    [Fact]
    public async Task A_districts_course_is_open_only_to_its_own_teachers()
    {
        var shinan = await app.ClientAsync("shinan.admin");
        var course = await NewCourseAsync(shinan, hours: 8, capacity: 10, startsOn: Today.AddDays(5), endsOn: Today.AddDays(20));
        var catalogue = await (await shinan.GetAsync("/api/teachers/training/catalogue")).JsonAsync();
        var row = catalogue.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("code").GetString() == course);
        Assert.Equal("District", row.GetProperty("ownerKind").GetString());

        var city = await app.ClientAsync("city.admin");
        var shibeiSchools = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shibei).Select(o => o.Id).ToListAsync());
        var shibeiTeacher = await app.RegistryAsync(db => db.Staff.AsNoTracking().Where(s => shibeiSchools.Contains(s.OrgUnitId) && s.PostCode == "1")
            .Select(s => s.StaffNumber).FirstAsync());
        using var refused = await city.PostAsJsonAsync($"/api/teachers/training/courses/{course}/enrolments", new { staffNumber = shibeiTeacher });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("staffNumber", (await refused.ProblemAsync()).Errors.Keys);
    }

    [Fact]
    public async Task Compliance_is_shown_by_district_school_and_teacher_and_the_demo_city_has_hours()
    {
        var city = await app.ClientAsync("city.admin");
        var all = await (await city.GetAsync("/api/teachers/training")).JsonAsync();
        Assert.True(all.GetProperty("districts").GetArrayLength() > 1);
        Assert.True(all.GetProperty("total").GetProperty("onPace").GetInt32() > 0);

        var district = await app.ClientAsync("shinan.admin");
        var schoolCode = await app.OtherShinanSchoolAsync();
        var behind = await (await district.GetAsync($"/api/teachers/training?school={schoolCode}&behind=true")).JsonAsync();
        Assert.Equal(0, behind.GetProperty("districts").GetArrayLength());
        var teachers = behind.GetProperty("teachers").EnumerateArray().ToList();
        Assert.NotEmpty(teachers);
        Assert.All(teachers, t => Assert.True(t.GetProperty("counted").GetDouble() < t.GetProperty("expected").GetDouble()));
        var everyone = await (await district.GetAsync($"/api/teachers/training?school={schoolCode}")).JsonAsync();
        Assert.True(everyone.GetProperty("teachers").GetArrayLength() > teachers.Count);
        // The city reads its hours by school, a school's teachers by id: both count the same.
        var fromCity = await (await city.GetAsync($"/api/teachers/training?school={schoolCode}")).JsonAsync();
        Assert.Equal(Counted(everyone), Counted(fromCity));

        var html = await PageAsync(district, $"/teachers/training?school={schoolCode}&behind=true");
        Assert.Equal(teachers.Count, Rows(html, "training-teacher"));
        var catalogue = await PageAsync(district, "/teachers/training/courses");
        Assert.True(Rows(catalogue, "course") >= 200);
    }

    private static async Task<string> NewCourseAsync(HttpClient client, double hours, int capacity, DateOnly startsOn, DateOnly endsOn, int sessions = 4)
    {
        var code = $"T-{Guid.NewGuid().ToString("N")[..12]}";
        using var created = await client.PostAsJsonAsync("/api/teachers/training/courses", new
        {
            code, providerCode = "P001", title = "测试课程", category = "Pedagogy", hours, sessions, capacity, startsOn = Day(startsOn), endsOn = Day(endsOn),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return code;
    }

    private static List<(long, double)> Counted(JsonElement view) =>
        [.. view.GetProperty("teachers").EnumerateArray().Select(t => (t.GetProperty("staffId").GetInt64(), t.GetProperty("counted").GetDouble())).Order()];

    private static int Rows(string html, string testId) => System.Text.RegularExpressions.Regex.Count(html, $"data-testid=\"{testId}\"");

    private static async Task<string> StaffNumberAsync(HttpClient client, long staffId) =>
        (await (await client.GetAsync($"/api/teachers/{staffId}/training")).JsonAsync()).GetProperty("staffNumber").GetString()!;

    private Task<int> LinesAsync(params long[] staff) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<TeachersDb>().Hours.CountAsync(h => staff.Contains(h.StaffId)));

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, bool dryRun) =>
        client.PostAsync("/api/teachers/training/import", Upload(csv, dryRun));

    private static MultipartFormDataContent Upload(string csv, bool dryRun)
    {
        var form = Multipart(("dryRun", dryRun ? "true" : "false"));
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "provider.csv");
        return form;
    }
}
