using System.Net;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Exams;

/// <summary>
/// The 后30% support list: a school sees its own students at or below the city's cutoff, by name, with their other exams;
/// the district sees its schools'; another district sees its own; a city administrator (no support-list permission) is
/// refused; each opening is audited.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SupportListTests(WebApp app)
{
    [Fact]
    public async Task Each_school_and_district_sees_its_own_lowest_thirty_percent_with_their_history_and_every_read_is_audited()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 2);
        var b = await world.StudentsAsync(world.SchoolB.Id, world.ClassB, 2);
        var c = await world.StudentsAsync(world.SchoolC.Id, world.ClassC, 2);
        var city = await app.ClientAsync("city.admin");
        // An earlier exam with B's weaker student alone: their history.
        var earlier = ExamWorld.Code("EARLY");
        using (var first = await city.PostAsync("/api/exams/import", ExamWorld.Upload(earlier, "早前考试", ExamWorld.File([(b[1], "语文", "35", "100")]), date: "2026-10-08")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        // Totals 180, 160 (A), 150, 60 (B), 170, 70 (C): the 30th percentile (h = 5 × 0.3 = 1.5) is 70 + 0.5 × 80 = 110,
        // so B's 60 and C's 70 are the city's lowest 30 %.
        var code = ExamWorld.Code("SUP");
        (string, string, string, string)[] rows =
        [
            (a[0], "语文", "90", "100"), (a[0], "数学", "90", "100"), (a[1], "语文", "80", "100"), (a[1], "数学", "80", "100"),
            (b[0], "语文", "75", "100"), (b[0], "数学", "75", "100"), (b[1], "语文", "30", "100"), (b[1], "数学", "30", "100"),
            (c[0], "语文", "85", "100"), (c[0], "数学", "85", "100"), (c[1], "语文", "35", "100"), (c[1], "数学", "35", "100"),
        ];
        using (var imported = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "帮扶测试", ExamWorld.File(rows))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var headB = await app.NewAccountAsync("sup", Roles.SchoolAdmin, world.SchoolB.Code);
        var list = await (await (await app.ClientAsync(headB)).GetAsync($"/api/exams/{code}/support-list")).JsonAsync();
        Assert.Equal(110, list.GetProperty("cutoff").GetDouble());
        var student = Assert.Single(list.GetProperty("students").EnumerateArray());
        Assert.Equal(("考生", 60.0, world.SchoolB.Name), (student.GetProperty("name").GetString(), student.GetProperty("total").GetDouble(), student.GetProperty("school").GetString()));
        Assert.DoesNotContain(b[1], student.GetProperty("studentNumber").GetString(), StringComparison.Ordinal);
        var history = Assert.Single(student.GetProperty("history").EnumerateArray());
        Assert.Equal(("早前考试", 35.0, true), (history.GetProperty("exam").GetString(), history.GetProperty("total").GetDouble(), history.GetProperty("bottom30").GetBoolean()));

        // 市南区: its schools' (B's one); the other district: its own (C's one); the city administrator: no such permission.
        var district = await (await (await app.ClientAsync(await app.NewAccountAsync("sup", Roles.DistrictAdmin, world.DistrictAB.Code)))
            .GetAsync($"/api/exams/{code}/support-list")).JsonAsync();
        Assert.Equal([60.0], district.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("total").GetDouble()).ToArray());
        var other = await (await (await app.ClientAsync(await app.NewAccountAsync("sup", Roles.DistrictAdmin, world.DistrictC.Code)))
            .GetAsync($"/api/exams/{code}/support-list")).JsonAsync();
        Assert.Equal([70.0], other.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("total").GetDouble()).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await city.GetAsync($"/api/exams/{code}/support-list")).StatusCode);

        // Every opening audited, with the exam and the students named by id.
        var audited = await app.KernelAsync(db => db.AuditEntries.Where(e => e.Action == "pii.read" && e.EntityType == "ExamSupportList" && e.EntityKey == code)
            .Select(e => e.ActorName).ToListAsync());
        Assert.Contains(headB, audited);
        Assert.Equal(3, audited.Count);
    }
}
