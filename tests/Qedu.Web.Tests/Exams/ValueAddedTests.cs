using System.Net;
using Qedu.Exams.DemoData;
using Qedu.Exams.Resources;
using Qedu.Kernel.Access;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Exams;

/// <summary>
/// Value-added over HTTP on the demo city's two exams: each school's estimate inside its interval, a district seeing only
/// its own schools, only the exam's bureau running a new estimate, and a subject neither exam has refused by name.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ValueAddedTests(WebApp app)
{
    private const string Exam = ExamsDemoSeedStep.CurrentCode;

    [Fact]
    public async Task The_demo_estimate_gives_every_school_an_interval_and_a_district_sees_its_own_schools()
    {
        var city = await app.ClientAsync("city.admin");
        var all = await (await city.GetAsync($"/api/exams/{Exam}/value-added")).JsonAsync();
        var schools = all.GetProperty("schools").EnumerateArray().ToList();
        Assert.True(schools.Count >= 4, all.ToString());
        Assert.All(schools, s =>
        {
            Assert.False(s.GetProperty("tooFew").GetBoolean());
            Assert.InRange(s.GetProperty("effect").GetDouble(), s.GetProperty("lower").GetDouble(), s.GetProperty("upper").GetDouble());
            Assert.Matches("^[0-9]{10}$", s.GetProperty("schoolCode").GetString());
        });
        // The shrunken effects average out near zero (they are deviations from the city's line).
        Assert.InRange(schools.Average(s => s.GetProperty("effect").GetDouble()), -3, 3);
        Assert.Equal(ExamsDemoSeedStep.PriorCode, all.GetProperty("prior").GetString());
        Assert.True(all.GetProperty("students").GetInt32() > 100);

        var shinan = await (await (await app.ClientAsync("shinan.admin")).GetAsync($"/api/exams/{Exam}/value-added")).JsonAsync();
        var own = shinan.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("schoolId").GetInt32()).ToList();
        Assert.NotEmpty(own);
        Assert.True(own.Count < schools.Count);
        var shinanSchools = (await Forms.BelowAsync(app, "370202", Qedu.Kernel.OrgUnits.OrgUnitKind.School)).Select(u => u.Id).ToHashSet();
        Assert.All(own, id => Assert.Contains(id, shinanSchools));
    }

    [Fact]
    public async Task Only_the_exams_bureau_runs_an_estimate_and_an_unknown_subject_is_named()
    {
        var shinan = await app.ClientAsync(await app.NewAccountAsync("va", Roles.DistrictAdmin, "370202"));
        using (var notTheirs = await shinan.PostAsync($"/api/exams/{Exam}/value-added", Http.Json(new { prior = ExamsDemoSeedStep.PriorCode })))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }
        var city = await app.ClientAsync("city.admin");
        using (var music = await city.PostAsync($"/api/exams/{Exam}/value-added", Http.Json(new { prior = ExamsDemoSeedStep.PriorCode, subject = "音乐" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, music.StatusCode);
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, app.Text<ExamsText>("VA.Subject"), "音乐"),
                Assert.Single((await music.ProblemAsync()).Errors["subject"]));
        }
        using (var self = await city.PostAsync($"/api/exams/{Exam}/value-added", Http.Json(new { prior = Exam })))
        {
            Assert.Equal(app.Text<ExamsText>("VA.Prior"), Assert.Single((await self.ProblemAsync()).Errors["prior"]));
        }
        using var math = await city.PostAsync($"/api/exams/{Exam}/value-added", Http.Json(new { prior = ExamsDemoSeedStep.PriorCode, subject = "数学", hardship = true }));
        Assert.Equal(HttpStatusCode.OK, math.StatusCode);
        var report = await math.JsonAsync();
        Assert.Equal("数学", report.GetProperty("subject").GetString());
        var latest = await (await city.GetAsync($"/api/exams/{Exam}/value-added?subject=数学")).JsonAsync();
        Assert.Equal(report.GetProperty("runId").GetInt32(), latest.GetProperty("runId").GetInt32());
    }

    [Fact]
    public async Task Schools_below_the_smallest_size_are_marked_too_few_and_a_flag_nobody_has_is_named()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 4);
        var c = await world.StudentsAsync(world.SchoolC.Id, world.ClassC, 4);
        var city = await app.ClientAsync("city.admin");
        var (prior, current) = (ExamWorld.Code("PRE"), ExamWorld.Code("NOW"));
        var scores = new[] { 50, 60, 70, 80 };
        using (var p = await city.PostAsync("/api/exams/import", ExamWorld.Upload(prior, "前测", ExamWorld.File(
                   a.Concat(c).Select((n, i) => (n, "数学", scores[i % 4].ToString(System.Globalization.CultureInfo.InvariantCulture), "100"))), date: "2026-10-08")))
        {
            Assert.Equal(HttpStatusCode.OK, p.StatusCode);
        }
        // School A's students gain 10 on their prior, C's 2.
        using (var n = await city.PostAsync("/api/exams/import", ExamWorld.Upload(current, "后测", ExamWorld.File(
                   a.Select((x, i) => (x, "数学", (scores[i] + 10).ToString(System.Globalization.CultureInfo.InvariantCulture), "100"))
                       .Concat(c.Select((x, i) => (x, "数学", (scores[i] + 2 + i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture), "100")))))))
        {
            Assert.Equal(HttpStatusCode.OK, n.StatusCode);
        }

        // Nobody here is 随迁: the flag cannot be adjusted for, and the refusal names it.
        using (var flat = await city.PostAsync($"/api/exams/{current}/value-added", Http.Json(new { prior, migrant = true })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, flat.StatusCode);
            Assert.Equal(app.Text<ExamsText>("VA.FlagConstant"), Assert.Single((await flat.ProblemAsync()).Errors["migrant"]));
        }
        // Four students a school is under the default ten: both marked too few, no numbers given.
        var few = await (await city.PostAsync($"/api/exams/{current}/value-added", Http.Json(new { prior }))).JsonAsync();
        Assert.All(few.GetProperty("schools").EnumerateArray(), s =>
        {
            Assert.True(s.GetProperty("tooFew").GetBoolean());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, s.GetProperty("effect").ValueKind);
        });
        Assert.Equal((8, 0), (few.GetProperty("students").GetInt32(), few.GetProperty("leftOut").GetInt32()));
        // With three as the smallest: A above C.
        var shown = await (await city.PostAsync($"/api/exams/{current}/value-added", Http.Json(new { prior, minStudents = 3 }))).JsonAsync();
        var effects = shown.GetProperty("schools").EnumerateArray().ToDictionary(s => s.GetProperty("schoolId").GetInt32(), s => s.GetProperty("effect").GetDouble());
        Assert.True(effects[world.SchoolA.Id] > effects[world.SchoolC.Id], shown.ToString());
    }
}
