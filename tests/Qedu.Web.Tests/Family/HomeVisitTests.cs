using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Family.Data;
using Qedu.Indicators.Computation;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Family;

/// <summary>
/// Home visits (万名教师温情家访): a school plans a visit for a student, records it (the notes encrypted at rest) and the
/// class's coverage rises by one child; a cancelled visit stays out of it and cannot be recorded; refusals name their
/// fields in the caller's language; a district reader sees coverage but never the notes, another district nothing; the
/// left-behind ledger shows and links the child's visits; the indicator's figures are the page's.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HomeVisitTests(WebApp app)
{
    /// <summary>崂山 (370212) and 李沧 (370213): no other family test keeps data there.</summary>
    private const string Laoshan = "370212";

    private const string Licang = "370213";

    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static int SchoolYear => Today.Month >= 9 ? Today.Year : Today.Year - 1;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <paramref name="index"/>-th school (by code) of the district with enrolled pupils in classes: its code, a class, and
    /// pupils of that class who have no visit at all yet (left-behind ones first when <paramref name="leftBehindFirst"/>).
    /// </summary>
    private Task<(string School, long ClassId, long[] Pupils)> PupilsAsync(string district, int index, bool leftBehindFirst = false) => app.AsSystemAsync(async sp =>
    {
        var kernel = sp.GetRequiredService<KernelDb>();
        var districtId = await kernel.OrgUnits.Where(o => o.Code == district).Select(o => o.Id).SingleAsync();
        var schools = await (from c in kernel.OrgClosure
                             join o in kernel.OrgUnits on c.DescendantId equals o.Id
                             where c.AncestorId == districtId && o.Kind == OrgUnitKind.School
                             orderby o.Code
                             select new { o.Id, o.Code }).ToListAsync();
        var registry = sp.GetRequiredService<RegistryDb>();
        var visited = await sp.GetRequiredService<FamilyDb>().HomeVisits.Select(v => v.StudentId).Distinct().ToListAsync();
        var withPupils = new List<(string Code, long ClassId, long[] Pupils)>();
        foreach (var s in schools)
        {
            var pupils = await registry.Students.Where(p => p.OrgUnitId == s.Id && p.StatusCode == "01" && p.ClassId != null && !visited.Contains(p.Id))
                .OrderBy(p => p.ClassId).ThenByDescending(p => leftBehindFirst && p.IsLeftBehind).ThenBy(p => p.Id)
                .Select(p => new { p.Id, ClassId = p.ClassId!.Value, p.IsLeftBehind }).ToListAsync();
            if (leftBehindFirst)
            {
                pupils = [.. pupils.Where(p => p.IsLeftBehind).Take(1)];
            }
            if (pupils.Count > 0)
            {
                var classId = pupils[0].ClassId;
                withPupils.Add((s.Code, classId, [.. pupils.Where(p => p.ClassId == classId).Select(p => p.Id).Take(3)]));
            }
        }
        return withPupils[index];
    });

    private static JsonElement ClassLine(JsonElement overview, long classId) =>
        overview.GetProperty("classes").EnumerateArray().Single(c => c.GetProperty("classId").GetInt64() == classId);

    [Fact]
    public async Task A_recorded_visit_raises_its_class_coverage_by_one_child_and_its_notes_are_kept_encrypted()
    {
        var (school, classId, pupils) = await PupilsAsync(Laoshan, 0);
        var admin = await app.ClientAsync(await app.NewAccountAsync("visits.admin", Roles.SchoolAdmin, school));
        var before = await OkJsonAsync(await admin.GetAsync($"/api/family/visits/?school={school}"));
        var (students, visitedBefore) = (ClassLine(before, classId).GetProperty("students").GetInt32(), ClassLine(before, classId).GetProperty("visited").GetInt32());
        Assert.True(before.GetProperty("mayRecord").GetBoolean());

        var created = await OkJsonAsync(await admin.PostAsJsonAsync("/api/family/visits/", new { studentId = pupils[0], plannedOn = Day(Today), teacher = "周老师", form = "AtHome" }));
        var visit = created.GetProperty("id").GetInt64();
        // One planned visit per child at a time.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/family/visits/", new { studentId = pupils[0], plannedOn = Day(Today.AddDays(3)), teacher = "周老师", form = "Online" })).StatusCode);
        var planned = await OkJsonAsync(await admin.GetAsync($"/api/family/visits/?school={school}"));
        Assert.Equal(visitedBefore, ClassLine(planned, classId).GetProperty("visited").GetInt32());
        Assert.Contains(planned.GetProperty("plan").EnumerateArray(), v => v.GetProperty("id").GetInt64() == visit);

        const string notes = "父亲在外地务工，母亲陪读；约定每周五与班主任电话沟通孩子学习情况";
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/family/visits/{visit}/record", new { visitedOn = Day(Today), participants = "周老师、母亲", notes }));
        var after = await OkJsonAsync(await admin.GetAsync($"/api/family/visits/?school={school}"));
        Assert.Equal((students, visitedBefore + 1), (ClassLine(after, classId).GetProperty("students").GetInt32(), ClassLine(after, classId).GetProperty("visited").GetInt32()));
        Assert.Equal(before.GetProperty("visited").GetInt32() + 1, after.GetProperty("visited").GetInt32());
        // Done is done: neither recorded again nor cancelled.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/family/visits/{visit}/record", new { visitedOn = Day(Today), participants = "x", notes = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/family/visits/{visit}/cancel", new { reason = "x" })).StatusCode);

        // At rest neither the notes nor who took part are the text.
        var raw = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().HomeVisits.Where(v => v.Id == visit).Select(v => new { v.Notes, v.Participants }).SingleAsync());
        Assert.DoesNotContain("务工", System.Text.Encoding.UTF8.GetString(raw.Notes!), StringComparison.Ordinal);
        Assert.DoesNotContain("母亲", System.Text.Encoding.UTF8.GetString(raw.Participants!), StringComparison.Ordinal);

        // The school reads them back on the child's page, an audited read.
        var child = await OkJsonAsync(await admin.GetAsync($"/api/family/visits/students/{pupils[0]}"));
        var line = child.GetProperty("visits").EnumerateArray().Single(v => v.GetProperty("id").GetInt64() == visit);
        Assert.Equal((notes, "周老师、母亲", "Done"), (line.GetProperty("notes").GetString(), line.GetProperty("participants").GetString(), line.GetProperty("status").GetString()));
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "family.visits-read" && a.EntityKey == pupils[0].ToString(CultureInfo.InvariantCulture))));
        var page = await (await admin.GetAsync($"/family/visits/students/{pupils[0]}")).Content.ReadAsStringAsync();
        Assert.Contains(notes, page, StringComparison.Ordinal);

        // The district sees the school's coverage and the child's visit, never the notes nor who took part.
        var district = await app.ClientAsync(await app.NewAccountAsync("visits.district", Roles.DistrictAdmin, Laoshan));
        var overview = await OkJsonAsync(await district.GetAsync("/api/family/visits/"));
        var row = overview.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("code").GetString() == school);
        Assert.Equal(after.GetProperty("visited").GetInt32(), row.GetProperty("visited").GetInt32());
        var theirs = await OkJsonAsync(await district.GetAsync($"/api/family/visits/?school={school}"));
        Assert.Equal((false, 0, 0), (theirs.GetProperty("mayRecord").GetBoolean(), theirs.GetProperty("plan").GetArrayLength(), theirs.GetProperty("recent").GetArrayLength()));
        Assert.Equal(visitedBefore + 1, ClassLine(theirs, classId).GetProperty("visited").GetInt32());
        using (var read = await district.GetAsync($"/api/family/visits/students/{pupils[0]}"))
        {
            var text = await read.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.DoesNotContain("务工", text, StringComparison.Ordinal);
            Assert.DoesNotContain("周老师、母亲", text, StringComparison.Ordinal);
            Assert.Contains("\"status\":\"Done\"", text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsJsonAsync($"/api/family/visits/{visit}/cancel", new { reason = "x" })).StatusCode);
        var districtPage = await (await district.GetAsync($"/family/visits/students/{pupils[0]}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("务工", districtPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_visit_counts_for_nothing_cannot_be_recorded_and_the_child_can_be_planned_again()
    {
        var (school, classId, pupils) = await PupilsAsync(Laoshan, 1);
        var admin = await app.ClientAsync(await app.NewAccountAsync("visits.cancel", Roles.SchoolAdmin, school));
        var before = ClassLine(await OkJsonAsync(await admin.GetAsync($"/api/family/visits/?school={school}")), classId).GetProperty("visited").GetInt32();
        var visit = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/family/visits/", new { studentId = pupils[0], plannedOn = Day(Today.AddDays(7)), teacher = "吴老师", form = "AtSchool" })))
            .GetProperty("id").GetInt64();
        using (var noReason = await admin.PostAsJsonAsync($"/api/family/visits/{visit}/cancel", new { reason = "" }))
        {
            Assert.Equal(["reason"], (await noReason.ProblemAsync()).Errors.Keys);
        }
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/family/visits/{visit}/cancel", new { reason = "家长临时出差" }));
        using (var recordCancelled = await admin.PostAsJsonAsync($"/api/family/visits/{visit}/record", new { visitedOn = Day(Today), participants = "吴老师、父亲", notes = "补记" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, recordCancelled.StatusCode);
            Assert.Contains("已取消", (await recordCancelled.ProblemAsync()).Detail ?? "", StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/family/visits/{visit}/cancel", new { reason = "again" })).StatusCode);
        Assert.Equal(before, ClassLine(await OkJsonAsync(await admin.GetAsync($"/api/family/visits/?school={school}")), classId).GetProperty("visited").GetInt32());
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().HomeVisits.Where(v => v.Id == visit).Select(v => new { v.Status, v.CancelReason, v.Notes }).SingleAsync());
        Assert.Equal(("Cancelled", "家长临时出差", true), (stored.Status.ToString(), stored.CancelReason, stored.Notes is null));
        // Cancelled, the child may be planned again.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/family/visits/", new { studentId = pupils[0], plannedOn = Day(Today.AddDays(14)), teacher = "吴老师", form = "AtHome" })).StatusCode);
    }

    [Theory]
    [InlineData(null, "必填。", "请选择您所负责班级的在籍学生。", "日期不能晚于今天。")]
    [InlineData("en", "Required.", "Choose an enrolled student of a class you keep.", "The date cannot be after today.")]
    public async Task Bad_requests_are_refused_naming_their_fields_in_the_callers_language_and_nothing_is_written(
        string? language, string required, string studentMessage, string futureMessage)
    {
        var (school, _, pupils) = await PupilsAsync(Laoshan, 2);
        var admin = await app.ClientAsync(await app.NewAccountAsync("visits.bad", Roles.SchoolAdmin, school));
        var count = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().HomeVisits.CountAsync());
        using (var bad = await admin.SendAsync(Http.Request(HttpMethod.Post, "/api/family/visits/", Http.Json(new { studentId = 0, plannedOn = Day(Today.AddDays(400)), teacher = "" }), language)))
        {
            var problem = await bad.ProblemAsync();
            Assert.Equal(["form", "plannedOn", "studentId", "teacher"], problem.Errors.Keys.Order(StringComparer.Ordinal));
            Assert.Equal((required, studentMessage), (problem.Errors["teacher"][0], problem.Errors["studentId"][0]));
        }
        Assert.Equal(count, await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().HomeVisits.CountAsync()));

        var visit = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/family/visits/", new { studentId = pupils[0], plannedOn = Day(Today), teacher = "郑老师", form = "Online" })))
            .GetProperty("id").GetInt64();
        using (var bad = await admin.SendAsync(Http.Request(HttpMethod.Post, $"/api/family/visits/{visit}/record", Http.Json(new { visitedOn = Day(Today.AddDays(1)) }), language)))
        {
            var problem = await bad.ProblemAsync();
            Assert.Equal(["notes", "participants", "visitedOn"], problem.Errors.Keys.Order(StringComparer.Ordinal));
            Assert.Equal((futureMessage, required), (problem.Errors["visitedOn"][0], problem.Errors["notes"][0]));
        }
        Assert.Equal("Planned", await app.AsSystemAsync(async sp => (await sp.GetRequiredService<FamilyDb>().HomeVisits.SingleAsync(v => v.Id == visit)).Status.ToString()));
        using (var year = await admin.SendAsync(Http.Request(HttpMethod.Get, "/api/family/visits/?year=1999", null, language)))
        {
            Assert.Equal(["year"], (await year.ProblemAsync()).Errors.Keys);
        }
    }

    [Fact]
    public async Task Another_school_and_another_district_find_no_such_visit()
    {
        var (school, classId, pupils) = await PupilsAsync(Licang, 0);
        var admin = await app.ClientAsync(await app.NewAccountAsync("visits.own", Roles.SchoolAdmin, school));
        var visit = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/family/visits/", new { studentId = pupils[0], plannedOn = Day(Today), teacher = "孙老师", form = "AtHome" })))
            .GetProperty("id").GetInt64();
        var (other, _, _) = await PupilsAsync(Licang, 1);
        var neighbour = await app.ClientAsync(await app.NewAccountAsync("visits.neighbour", Roles.SchoolAdmin, other));
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/family/visits/{visit}/record", new { visitedOn = Day(Today), participants = "x", notes = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/family/visits/{visit}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/family/visits/classes/{classId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/family/visits/?school={school}")).StatusCode);
        using (var planForeign = await neighbour.PostAsJsonAsync("/api/family/visits/", new { studentId = pupils[1], plannedOn = Day(Today), teacher = "x", form = "AtHome" }))
        {
            Assert.Equal(["studentId"], (await planForeign.ProblemAsync()).Errors.Keys);
        }
        var elsewhere = await app.ClientAsync(await app.NewAccountAsync("visits.elsewhere", Roles.DistrictAdmin, Laoshan));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/family/visits/students/{pupils[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/family/visits/?school={school}")).StatusCode);
        // Still planned: nobody outside changed it.
        Assert.Equal("Planned", await app.AsSystemAsync(async sp => (await sp.GetRequiredService<FamilyDb>().HomeVisits.SingleAsync(v => v.Id == visit)).Status.ToString()));
    }

    [Fact]
    public async Task The_left_behind_ledger_shows_and_links_the_childs_visits_and_the_plan_puts_the_child_first()
    {
        var (school, classId, pupils) = await PupilsAsync(Licang, 0, leftBehindFirst: true);
        var child = pupils[0];
        var admin = await app.ClientAsync(await app.NewAccountAsync("visits.ledger", Roles.SchoolAdmin, school));
        var ledgerId = await app.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Growth.Data.GrowthDb>().CareLedgers.Where(l => l.StudentId == child && l.ClosedOn == null)
            .Select(l => (long?)l.Id).SingleOrDefaultAsync());
        var ledger = ledgerId ?? (await OkJsonAsync(await admin.PostAsJsonAsync("/api/growth/care/ledgers", new { studentId = child, caringTeacher = "冯老师", circumstances = "父母在外务工，随祖父母生活" })))
            .GetProperty("id").GetInt64();

        // Nothing yet: the ledger says so and links to the child's visits.
        var empty = (await OkJsonAsync(await admin.GetAsync($"/api/growth/care/ledgers/{ledger}"))).GetProperty("homeVisits");
        Assert.Equal((0, $"/family/visits/students/{child}"), (empty.GetProperty("done").GetInt32(), empty.GetProperty("link").GetString()));

        // In the class's list the left-behind child comes first, flagged.
        var klass = await OkJsonAsync(await admin.GetAsync($"/api/family/visits/classes/{classId}"));
        var first = klass.GetProperty("pupils")[0];
        Assert.True(first.GetProperty("leftBehind").GetBoolean());
        Assert.Contains(klass.GetProperty("pupils").EnumerateArray(), p => p.GetProperty("studentId").GetInt64() == child && p.GetProperty("leftBehind").GetBoolean());

        var visit = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/family/visits/", new { studentId = child, plannedOn = Day(Today), teacher = "冯老师", form = "AtHome" })))
            .GetProperty("id").GetInt64();
        var plan = await OkJsonAsync(await admin.GetAsync($"/api/family/visits/?school={school}"));
        Assert.True(plan.GetProperty("plan").EnumerateArray().Single(v => v.GetProperty("id").GetInt64() == visit).GetProperty("leftBehind").GetBoolean());
        Assert.True(plan.GetProperty("plan")[0].GetProperty("leftBehind").GetBoolean());
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/family/visits/{visit}/record", new { visitedOn = Day(Today), participants = "冯老师、祖母", notes = "学习用品已补齐" }));

        var shown = (await OkJsonAsync(await admin.GetAsync($"/api/growth/care/ledgers/{ledger}"))).GetProperty("homeVisits");
        Assert.Equal((1, Day(Today)), (shown.GetProperty("done").GetInt32(), shown.GetProperty("lastVisitedOn").GetString()));
        var page = await (await admin.GetAsync($"/growth/care/ledgers/{ledger}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/family/visits/students/{child}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_forms_plan_record_and_cancel_visits_as_a_browser_posts_them()
    {
        var (school, classId, pupils) = await PupilsAsync(Licang, 1);
        var admin = await app.ClientAsync(await app.NewAccountAsync("visits.page", Roles.SchoolAdmin, school));
        var classPage = $"/family/visits?school={school}&class={classId}";
        using (var planned = await PageForms.SubmitAsync(admin, classPage, "plan",
            new Dictionary<string, string> { ["studentId"] = $"{pupils[0]}", ["plannedOn"] = Day(Today), ["teacher"] = "褚老师", ["form"] = "AtHome" }))
        {
            Assert.Contains("已加入家访计划。", await planned.TextAsync(), StringComparison.Ordinal);
        }
        var visit = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().HomeVisits.Where(v => v.StudentId == pupils[0]).Select(v => v.Id).SingleAsync());
        using (var bad = await PageForms.SubmitAsync(admin, $"/family/visits/students/{pupils[0]}", "record",
            new Dictionary<string, string> { ["visit"] = $"{visit}", ["visitedOn"] = Day(Today), ["participants"] = "", ["notes"] = "x" }))
        {
            Assert.Contains("必填。", await bad.TextAsync(), StringComparison.Ordinal);
        }
        using (var recorded = await PageForms.SubmitAsync(admin, $"/family/visits/students/{pupils[0]}", "record",
            new Dictionary<string, string> { ["visit"] = $"{visit}", ["visitedOn"] = Day(Today), ["participants"] = "褚老师、外婆", ["notes"] = "约定每周共读半小时" }))
        {
            var text = await recorded.TextAsync();
            Assert.Contains("家访已记录。", text, StringComparison.Ordinal);
            Assert.Contains("约定每周共读半小时", text, StringComparison.Ordinal);
        }
        Assert.Equal("Done", await app.AsSystemAsync(async sp => (await sp.GetRequiredService<FamilyDb>().HomeVisits.SingleAsync(v => v.Id == visit)).Status.ToString()));

        // A second child planned and cancelled from the child's page.
        using (await PageForms.SubmitAsync(admin, classPage, "plan",
            new Dictionary<string, string> { ["studentId"] = $"{pupils[1]}", ["plannedOn"] = Day(Today.AddDays(5)), ["teacher"] = "褚老师", ["form"] = "Online" }))
        {
        }
        var second = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().HomeVisits.Where(v => v.StudentId == pupils[1]).Select(v => v.Id).SingleAsync());
        using (var cancelled = await PageForms.SubmitAsync(admin, $"/family/visits/students/{pupils[1]}", "cancel",
            new Dictionary<string, string> { ["visit"] = $"{second}", ["reason"] = "家长改约" }))
        {
            Assert.Contains("家访已取消。", await cancelled.TextAsync(), StringComparison.Ordinal);
        }
        Assert.Equal("Cancelled", await app.AsSystemAsync(async sp => (await sp.GetRequiredService<FamilyDb>().HomeVisits.SingleAsync(v => v.Id == second)).Status.ToString()));
    }

    [Fact]
    public async Task A_teacher_keeps_the_visits_of_her_own_classes_only()
    {
        // The demo teacher (her staff record heads one class and teaches in another at the anchor school).
        var (classes, mine, other) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var me = await db.Staff.Where(s => s.StaffNumber == DemoAccounts.TeacherStaffNumber).Select(s => new { s.Id, s.OrgUnitId }).SingleAsync();
            var classes = (await db.Classes.Where(c => c.HeadTeacherId == me.Id).Select(c => c.Id)
                .Concat(db.TeachingAssignments.Where(a => a.StaffId == me.Id).Select(a => a.ClassId)).ToListAsync()).ToHashSet();
            var visited = await sp.GetRequiredService<FamilyDb>().HomeVisits.Select(v => v.StudentId).Distinct().ToListAsync();
            var mine = await db.Students.Where(s => s.StatusCode == "01" && s.ClassId != null && classes.Contains(s.ClassId.Value) && !visited.Contains(s.Id))
                .Select(s => s.Id).FirstAsync();
            var other = await db.Students.Where(s => s.OrgUnitId == me.OrgUnitId && s.StatusCode == "01" && s.ClassId != null && !classes.Contains(s.ClassId.Value)
                && !visited.Contains(s.Id)).Select(s => s.Id).FirstAsync();
            return (classes, mine, other);
        });
        var teacher = await app.ClientAsync("teacher");
        var overview = await OkJsonAsync(await teacher.GetAsync($"/api/family/visits/?school={TestWorld.AnchorSchool}"));
        Assert.True(overview.GetProperty("mayRecord").GetBoolean());
        Assert.Equal(classes.Order(), overview.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("classId").GetInt64()).Order());

        using (var foreign = await teacher.PostAsJsonAsync("/api/family/visits/", new { studentId = other, plannedOn = Day(Today), teacher = "周婷", form = "AtHome" }))
        {
            Assert.Equal(["studentId"], (await foreign.ProblemAsync()).Errors.Keys);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/family/visits/students/{other}")).StatusCode);
        var visit = (await OkJsonAsync(await teacher.PostAsJsonAsync("/api/family/visits/", new { studentId = mine, plannedOn = Day(Today), teacher = "周婷", form = "AtHome" })))
            .GetProperty("id").GetInt64();
        await OkJsonAsync(await teacher.PostAsJsonAsync($"/api/family/visits/{visit}/record", new { visitedOn = Day(Today), participants = "周婷、父亲", notes = "作业习惯良好" }));
        var planList = await OkJsonAsync(await teacher.GetAsync($"/api/family/visits/?school={TestWorld.AnchorSchool}"));
        Assert.Contains(planList.GetProperty("recent").EnumerateArray(), v => v.GetProperty("id").GetInt64() == visit);
        // What she lists names only children of her classes.
        Assert.DoesNotContain(planList.GetProperty("plan").EnumerateArray().Concat(planList.GetProperty("recent").EnumerateArray()),
            v => v.GetProperty("studentId").GetInt64() == other);
    }

    [Fact]
    public async Task The_indicator_counts_the_districts_and_the_citys_coverage_as_the_page_shows_it()
    {
        var (school, _, pupils) = await PupilsAsync(Laoshan, 3);
        var admin = await app.ClientAsync(await app.NewAccountAsync("visits.fact", Roles.SchoolAdmin, school));
        var visit = (await OkJsonAsync(await admin.PostAsJsonAsync("/api/family/visits/", new { studentId = pupils[0], plannedOn = Day(Today), teacher = "钱老师", form = "Online" })))
            .GetProperty("id").GetInt64();
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/family/visits/{visit}/record", new { visitedOn = Day(Today), participants = "钱老师、父亲", notes = "视频沟通" }));

        var district = await OkJsonAsync(await (await app.ClientAsync(await app.NewAccountAsync("visits.district.fact", Roles.DistrictAdmin, Laoshan))).GetAsync("/api/family/visits/"));
        var city = await OkJsonAsync(await (await app.ClientAsync(await app.NewAccountAsync("visits.city.fact", Roles.CityAdmin, "370200"))).GetAsync("/api/family/visits/"));
        Assert.True(district.GetProperty("visited").GetInt32() > 0);
        var laoshanLine = city.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == Laoshan);
        Assert.Equal((district.GetProperty("students").GetInt32(), district.GetProperty("visited").GetInt32()),
            (laoshanLine.GetProperty("students").GetInt32(), laoshanLine.GetProperty("visited").GetInt32()));

        var period = SchoolYear.ToString(CultureInfo.InvariantCulture);
        var values = await app.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            var (laoshan, qingdao) = ((await tree.FindAsync(Laoshan))!.Id, (await tree.FindAsync("370200"))!.Id);
            var computed = await sp.GetRequiredService<IndicatorComputation>().ComputeAsync(period, store: false, default);
            return (computed.Values.Single(v => v.OrgUnitId == laoshan && v.IndicatorCode == "home-visit-coverage"),
                computed.Values.Single(v => v.OrgUnitId == qingdao && v.IndicatorCode == "home-visit-coverage"));
        });
        Assert.Equal((district.GetProperty("visited").GetInt32(), district.GetProperty("students").GetInt32()), ((int)values.Item1.Numerator, (int)values.Item1.Denominator!.Value));
        Assert.Equal((city.GetProperty("visited").GetInt32(), city.GetProperty("students").GetInt32()), ((int)values.Item2.Numerator, (int)values.Item2.Denominator!.Value));
        Assert.Equal(district.GetProperty("share").GetDecimal(), values.Item1.Value);
    }
}
