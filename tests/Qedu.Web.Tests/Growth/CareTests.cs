using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Data;
using Qedu.Growth.Health;
using Qedu.Indicators.Computation;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Growth;

/// <summary>
/// Care for left-behind children (留守儿童关爱): a school records its care room and its use, and keeps a ledger for each
/// left-behind child (one open ledger per child under concurrent requests; the circumstances and notes encrypted, every
/// read audited); the care-room indicator counts schools with left-behind children and a room.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CareTests(WebApp app)
{
    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A school with enrolled left-behind children and no care room yet, two of those children, and a child who is not left behind.</summary>
    private Task<(string School, int SchoolId, long[] Children, long NotLeftBehind)> SchoolAsync() => app.AsSystemAsync(async sp =>
    {
        var registry = sp.GetRequiredService<RegistryDb>();
        var rooms = await sp.GetRequiredService<GrowthDb>().CareRooms.Select(r => r.OrgUnitId).ToListAsync();
        var ledgered = await sp.GetRequiredService<GrowthDb>().CareLedgers.Select(l => l.StudentId).ToListAsync();
        var candidates = await registry.Students.Where(s => s.IsLeftBehind && s.StatusCode == "01" && !ledgered.Contains(s.Id))
            .GroupBy(s => s.OrgUnitId).Where(g => g.Count() >= 2).Select(g => g.Key).ToListAsync();
        var schoolId = candidates.Except(rooms).Order().Last();
        var children = await registry.Students.Where(s => s.OrgUnitId == schoolId && s.IsLeftBehind && s.StatusCode == "01" && !ledgered.Contains(s.Id))
            .OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToArrayAsync();
        var other = await registry.Students.Where(s => s.OrgUnitId == schoolId && !s.IsLeftBehind && s.StatusCode == "01").Select(s => s.Id).FirstAsync();
        var code = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.Where(o => o.Id == schoolId).Select(o => o.Code).SingleAsync();
        return (code, schoolId, children, other);
    });

    [Fact]
    public async Task A_school_records_its_care_room_and_the_indicator_counts_it()
    {
        var (code, schoolId, _, _) = await SchoolAsync();
        var school = await app.ClientAsync(await app.NewAccountAsync("care.admin", Roles.SchoolAdmin, code));
        var before = await (await school.GetAsync("/api/growth/care")).JsonAsync();
        Assert.Equal(0, before.GetProperty("schoolsWithRoom").GetInt32());
        Assert.Equal(1, before.GetProperty("schoolsNeedingRoom").GetInt32());

        // No room yet: a use is refused; bad fields are named; then the room and a use.
        Assert.Equal(HttpStatusCode.Conflict, (await school.PostAsJsonAsync("/api/growth/care/room/uses", new { day = Day(Today), children = 5, activity = "亲情通话" })).StatusCode);
        using (var bad = await school.PutAsJsonAsync("/api/growth/care/room", new { name = "", openedOn = Day(Today.AddDays(2)) }))
        {
            Assert.Equal(["facilities", "keeper", "name", "openedOn"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        Assert.Equal(HttpStatusCode.OK, (await school.PutAsJsonAsync("/api/growth/care/room",
            new { name = "留守儿童之家", facilities = "亲情电话、视频设备、图书角", keeper = "刘老师", openedOn = Day(Today.AddDays(-30)) })).StatusCode);
        using (var badUse = await school.PostAsJsonAsync("/api/growth/care/room/uses", new { day = Day(Today.AddDays(1)), children = 0, activity = "" }))
        {
            Assert.Equal(["activity", "children", "day"], (await badUse.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync("/api/growth/care/room/uses", new { day = Day(Today), children = 6, activity = "亲情视频通话" })).StatusCode);

        var after = await (await school.GetAsync("/api/growth/care")).JsonAsync();
        Assert.Equal(1, after.GetProperty("schoolsWithRoom").GetInt32());
        Assert.Equal(100.0, after.GetProperty("roomRate").GetDouble());
        Assert.Equal("亲情视频通话", after.GetProperty("room").GetProperty("uses")[0].GetProperty("activity").GetString());

        // The indicator: 1 of 1 for this school.
        var period = HealthFile.SchoolYearOf(Today).ToString(CultureInfo.InvariantCulture);
        var computed = await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorComputation>().ComputeAsync(period, store: false, default));
        var completion = computed.Values.Single(v => v.OrgUnitId == schoolId && v.IndicatorCode == "care-room-completion");
        Assert.Equal((1, 1), ((int)completion.Numerator, (int)completion.Denominator!.Value));

        // Not a teacher's, nor department staff's.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("teacher")).GetAsync("/api/growth/care")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("jjc.staff")).GetAsync("/api/growth/care")).StatusCode);
    }

    [Fact]
    public async Task A_left_behind_child_has_one_ledger_kept_encrypted_and_read_with_an_audit_line()
    {
        var (code, _, children, notLeftBehind) = await SchoolAsync();
        var school = await app.ClientAsync(await app.NewAccountAsync("care.ledger", Roles.SchoolAdmin, code));
        const string circumstances = "父母均在上海务工，与祖母同住";

        using (var bad = await school.PostAsJsonAsync("/api/growth/care/ledgers", new { studentId = notLeftBehind, caringTeacher = "", circumstances = "" }))
        {
            Assert.Equal(["caringTeacher", "circumstances", "studentId"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        // Three requests at once for one child: one ledger.
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var response = await school.PostAsJsonAsync("/api/growth/care/ledgers", new { studentId = children[0], caringTeacher = "王老师", circumstances });
            return (response.StatusCode, response.StatusCode == HttpStatusCode.Created ? (await response.JsonAsync()).GetProperty("id").GetInt64() : 0);
        }));
        Assert.Equal((1, 2), (answers.Count(a => a.StatusCode == HttpStatusCode.Created), answers.Count(a => a.StatusCode == HttpStatusCode.Conflict)));
        var ledger = answers.Single(a => a.StatusCode == HttpStatusCode.Created).Item2;

        // At rest the circumstances are not the text.
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().CareLedgers.Where(l => l.Id == ledger).Select(l => l.Circumstances).SingleAsync());
        Assert.DoesNotContain("上海", System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);

        // The list shows the child with a ledger and no contact; the ledger reads back with an audit line.
        var view = await (await school.GetAsync($"/api/growth/care?school={code}")).JsonAsync();
        var row = view.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("studentId").GetInt64() == children[0]);
        Assert.Equal((ledger, true), (row.GetProperty("ledgerId").GetInt64(), row.GetProperty("overdue").GetBoolean()));
        Assert.Contains(view.GetProperty("children").EnumerateArray(), c => c.GetProperty("studentId").GetInt64() == children[1] && c.GetProperty("ledgerId").ValueKind == System.Text.Json.JsonValueKind.Null);
        using (var bad = await school.PostAsJsonAsync($"/api/growth/care/ledgers/{ledger}/contacts", new { day = Day(Today.AddDays(1)), note = "" }))
        {
            Assert.Equal(["day", "kind", "note"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        Assert.Equal(HttpStatusCode.Created, (await school.PostAsJsonAsync($"/api/growth/care/ledgers/{ledger}/contacts",
            new { day = Day(Today), kind = "HomeVisit", note = "家访：学习用品已补齐，祖母身体好转" })).StatusCode);
        var read = await (await school.GetAsync($"/api/growth/care/ledgers/{ledger}")).JsonAsync();
        Assert.Equal(circumstances, read.GetProperty("circumstances").GetString());
        Assert.Equal("HomeVisit", Assert.Single(read.GetProperty("contacts").EnumerateArray()).GetProperty("kind").GetString());
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "growth.care-read" && a.EntityKey == ledger.ToString(CultureInfo.InvariantCulture))));
        var again = await (await school.GetAsync($"/api/growth/care?school={code}")).JsonAsync();
        Assert.False(again.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("studentId").GetInt64() == children[0]).GetProperty("overdue").GetBoolean());

        // Another school's administrator finds no such ledger; a closed ledger takes no more contacts.
        Assert.NotEqual(TestWorld.AnchorSchool, code);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("school.admin")).GetAsync($"/api/growth/care/ledgers/{ledger}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await school.PostAsync($"/api/growth/care/ledgers/{ledger}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await school.PostAsJsonAsync($"/api/growth/care/ledgers/{ledger}/contacts",
            new { day = Day(Today), kind = "Talk", note = "谈心" })).StatusCode);
    }
}
