using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Family.Data;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Growth;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Family;

/// <summary>
/// After-school care (课后服务): a school publishes an offer, guardians enrol their own children from their phones and
/// the places never run over however many enrol at once; the register of a care day and the term's statement (a family
/// in hardship pays nothing, the subsidy is per child); bad offers refused naming the fields in the caller's language;
/// another school sees nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AfterSchoolCareTests(WebApp app)
{
    /// <summary>The districts these tests keep care in: none another test uses (市南 370202, 黄岛 370211, 李沧 370213 are).</summary>
    private static readonly string[] Districts = ["370214", "370215", "370281", "370283", "370285"];

    private static readonly int[] Weekdays = [1, 2, 3, 4, 5];
    private static readonly string[] Grades = ["P1", "P2", "P3", "P4", "P5", "P6", "J1", "J2", "J3"];
    private static readonly int[] NoSuchWeekday = [9];
    private static readonly string[] NoSuchGrade = ["P9"];

    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Primary and nine-year schools of those districts, one per test (by index), with their district's code.</summary>
    private Task<List<(string School, string District)>> PrimarySchoolsAsync() => app.KernelAsync(async db =>
    {
        var districts = await db.OrgUnits.Where(o => Districts.Contains(o.Code)).ToDictionaryAsync(o => o.Id, o => o.Code);
        var pairs = await (from c in db.OrgClosure
                           join o in db.OrgUnits on c.DescendantId equals o.Id
                           where districts.Keys.Contains(c.AncestorId) && o.Kind == OrgUnitKind.School && (o.SchoolTypeCode == "211" || o.SchoolTypeCode == "312")
                           orderby o.Code
                           select new { o.Code, c.AncestorId }).ToListAsync();
        return pairs.Select(p => (p.Code, districts[p.AncestorId])).ToList();
    });

    /// <summary>An offer for this term at the school, published by a new administrator of it.</summary>
    private async Task<(HttpClient Admin, long Offer)> OfferAsync(string school, int capacity, decimal fee = 300m, decimal subsidy = 200m)
    {
        var admin = await app.ClientAsync(await app.NewAccountAsync("care.admin", Roles.SchoolAdmin, school));
        var created = await OkJsonAsync(await admin.PostAsJsonAsync("/api/family/care/offers", new
        {
            name = "测试课后服务", termStarts = Day(Today.AddDays(-30)), termEnds = Day(Today.AddDays(60)), enrolUntil = Day(Today.AddDays(30)),
            weekdays = Weekdays, starts = "15:30", ends = "17:30", grades = Grades,
            activities = "作业辅导、阅读", capacity, fee, subsidy,
        }));
        return (admin, created.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Guardians_enrol_their_own_children_and_the_places_never_run_over()
    {
        var school = (await PrimarySchoolsAsync())[0].School;
        var (_, offer) = await OfferAsync(school, capacity: 2);
        var families = new List<(HttpClient Parent, long Child)>();
        for (var i = 0; i < 3; i++)
        {
            var phone = Parents.NewPhone();
            var child = await GuardedChildren.NewAsync(app, school, phone, "托管学生" + i);
            families.Add(((await Parents.SignInAsync(app, phone)).Client, child));
        }
        var listed = (await OkJsonAsync(await families[0].Parent.GetAsync("/api/parent/care/"))).EnumerateArray().Single();
        var seen = listed.GetProperty("offers").EnumerateArray().Single(o => o.GetProperty("id").GetInt64() == offer);
        Assert.Equal((2, false, true), (seen.GetProperty("placesLeft").GetInt32(), seen.GetProperty("enrolled").GetBoolean(), seen.GetProperty("open").GetBoolean()));

        // Three families at once for two places: two taken, one told it is full.
        var answers = await Task.WhenAll(families.Select(f => f.Parent.PostAsJsonAsync("/api/parent/care/enrol", new { offer, student = f.Child })));
        var bodies = string.Join(" | ", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")));
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) == 2, bodies);
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CareOffers.Where(o => o.Id == offer).Select(o => o.Enrolled).SingleAsync()));
        Assert.Equal(2, await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CareEnrolments.CountAsync(e => e.OfferId == offer && e.WithdrawnOn == null)));

        var inIndex = answers.ToList().FindIndex(a => a.StatusCode == HttpStatusCode.OK);
        var outIndex = answers.ToList().FindIndex(a => a.StatusCode == HttpStatusCode.Conflict);
        var (inParent, inChild) = families[inIndex];
        // Enrolled once; another family's child is not theirs to enrol.
        Assert.Equal(HttpStatusCode.Conflict, (await inParent.PostAsJsonAsync("/api/parent/care/enrol", new { offer, student = inChild })).StatusCode);
        using (var notMine = await inParent.PostAsJsonAsync("/api/parent/care/enrol", new { offer, student = families[outIndex].Child }))
        {
            Assert.Equal(["student"], (await notMine.ProblemAsync()).Errors.Keys);
        }
        // Withdrawing gives the place back, and the family turned away gets it.
        await OkJsonAsync(await inParent.PostAsJsonAsync("/api/parent/care/withdraw", new { offer, student = inChild }));
        await OkJsonAsync(await families[outIndex].Parent.PostAsJsonAsync("/api/parent/care/enrol", new { offer, student = families[outIndex].Child }));
        var after = (await OkJsonAsync(await families[outIndex].Parent.GetAsync("/api/parent/care/"))).EnumerateArray().Single()
            .GetProperty("offers").EnumerateArray().Single(o => o.GetProperty("id").GetInt64() == offer);
        Assert.Equal((0, true), (after.GetProperty("placesLeft").GetInt32(), after.GetProperty("enrolled").GetBoolean()));
        foreach (var a in answers)
        {
            a.Dispose();
        }
    }

    [Fact]
    public async Task The_register_of_a_care_day_and_the_terms_statement_waive_the_fee_of_a_family_in_hardship()
    {
        var school = (await PrimarySchoolsAsync())[1].School;
        var (admin, offer) = await OfferAsync(school, capacity: 10, fee: 300m, subsidy: 200m);
        var children = new List<long>();
        foreach (var name in new[] { "托管甲", "托管乙" })
        {
            var phone = Parents.NewPhone();
            var child = await GuardedChildren.NewAsync(app, school, phone, name);
            await OkJsonAsync(await (await Parents.SignInAsync(app, phone)).Client.PostAsJsonAsync("/api/parent/care/enrol", new { offer, student = child }));
            children.Add(child);
        }
        // 托管乙's family is in hardship (the registry's flag); both were enrolled from the term's start (paper forms before the system).
        await app.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<RegistryDb>().Students.Where(s => s.Id == children[1]).ExecuteUpdateAsync(u => u.SetProperty(s => s.HasFinancialHardship, true));
            return await sp.GetRequiredService<FamilyDb>().CareEnrolments.Where(e => e.OfferId == offer).ExecuteUpdateAsync(u => u.SetProperty(e => e.EnrolledOn, Today.AddDays(-30)));
        });
        // The last weekday that is a working day (the city's calendar), at most a week ago; and a Saturday in the term.
        var calendar = await app.AsSystemAsync(sp => sp.GetRequiredService<WorkingCalendar>().CurrentAsync().AsTask());
        var careDay = Enumerable.Range(0, 8).Select(n => Today.AddDays(-n)).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && calendar.IsWorkingDay(d));
        var saturday = Enumerable.Range(1, 8).Select(n => Today.AddDays(-n)).First(d => d.DayOfWeek == DayOfWeek.Saturday && !calendar.IsWorkingDay(d));

        var teacher = await app.ClientAsync(await app.NewAccountAsync("care.teacher", Roles.Teacher, school));
        var present = await OkJsonAsync(await teacher.PutAsJsonAsync($"/api/family/care/offers/{offer}/register", new { day = Day(careDay), absent = new[] { children[0] } }));
        Assert.Equal(1, present.GetProperty("present").GetInt32());
        using (var weekend = await teacher.PutAsJsonAsync($"/api/family/care/offers/{offer}/register", new { day = Day(saturday) }))
        {
            Assert.Equal(["day"], (await weekend.ProblemAsync()).Errors.Keys);
        }
        using (var future = await teacher.PutAsJsonAsync($"/api/family/care/offers/{offer}/register", new { day = Day(Today.AddDays(1)) }))
        {
            Assert.Equal(["day"], (await future.ProblemAsync()).Errors.Keys);
        }
        // A child absent who is not enrolled is refused, and the day's marks stay as they were (托管甲 absent).
        using (var stranger = await teacher.PutAsJsonAsync($"/api/family/care/offers/{offer}/register", new { day = Day(careDay), absent = new[] { children[0], 0L } }))
        {
            Assert.Equal(["absent"], (await stranger.ProblemAsync()).Errors.Keys);
        }
        Assert.Equal(1, await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CareAttendance.CountAsync(a => a.OfferId == offer && a.Day == careDay && a.Present)));
        // Taking the day again replaces it: now both came.
        Assert.Equal(2, (await OkJsonAsync(await teacher.PutAsJsonAsync($"/api/family/care/offers/{offer}/register", new { day = Day(careDay) }))).GetProperty("present").GetInt32());

        var statement = await OkJsonAsync(await admin.GetAsync($"/api/family/care/offers/{offer}/statement"));
        Assert.Equal((2, 1, 1), (statement.GetProperty("children").GetInt32(), statement.GetProperty("exempt").GetInt32(), statement.GetProperty("daysHeld").GetInt32()));
        // 300 from 托管甲's family, 托管乙's 300 waived; the subsidy is 200 for each child.
        Assert.Equal((300m, 300m, 400m), (statement.GetProperty("feesDue").GetDecimal(), statement.GetProperty("feesWaived").GetDecimal(), statement.GetProperty("subsidyDue").GetDecimal()));
        var lines = statement.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal((0m, true, 1), (lines["托管乙"].GetProperty("pays").GetDecimal(), lines["托管乙"].GetProperty("exempt").GetBoolean(), lines["托管乙"].GetProperty("daysPresent").GetInt32()));
        Assert.Equal(300m, lines["托管甲"].GetProperty("pays").GetDecimal());
        // Naming the children is an audited read.
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "family.care-read" && a.EntityKey == offer.ToString(CultureInfo.InvariantCulture))));

        // The page shows the statement's totals.
        var page = await (await admin.GetAsync($"/family/care?school={school}&offer={offer}")).Content.ReadAsStringAsync();
        Assert.Contains("共 2 名学生，其中 1 名免收；应收费 300 元，减免 300 元，应拨财政补助 400 元。", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "年级应为 P1–P6", "应在 1 到 2000 之间")]
    [InlineData("en", "Grades are P1–P6", "Must be between 1 and 2000")]
    public async Task A_bad_offer_is_refused_naming_its_fields_in_the_callers_language_and_nothing_is_written(string? language, string gradesMessage, string capacityMessage)
    {
        var school = (await PrimarySchoolsAsync())[2].School;
        var admin = await app.ClientAsync(await app.NewAccountAsync("care.bad", Roles.SchoolAdmin, school));
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CareOffers.CountAsync());
        using var bad = await admin.SendAsync(Http.Request(HttpMethod.Post, "/api/family/care/offers", Http.Json(new
        {
            name = "x", termStarts = Day(Today), termEnds = Day(Today.AddDays(-1)), enrolUntil = Day(Today), weekdays = NoSuchWeekday, starts = "17:00", ends = "16:00",
            grades = NoSuchGrade, activities = "x", capacity = 0, fee = -1, subsidy = 1.234,
        }), language));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ProblemAsync();
        Assert.Equal(["capacity", "ends", "enrolUntil", "fee", "grades", "subsidy", "termEnds", "weekdays"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith(gradesMessage, problem.Errors["grades"][0], StringComparison.Ordinal);
        Assert.Equal(capacityMessage + (language is null ? "。" : "."), problem.Errors["capacity"][0]);
        Assert.Equal(before, await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CareOffers.CountAsync()));
    }

    [Fact]
    public async Task Another_school_and_another_district_see_nothing_of_a_schools_care()
    {
        var schools = await PrimarySchoolsAsync();
        var (school, district) = schools[3];
        var (_, offer) = await OfferAsync(school, capacity: 5);
        var neighbour = await app.ClientAsync(await app.NewAccountAsync("care.neighbour", Roles.SchoolAdmin, schools[0].School));
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/family/care/offers/{offer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PutAsJsonAsync($"/api/family/care/offers/{offer}/register", new { day = Day(Today) })).StatusCode);
        var elsewhere = await app.ClientAsync(await app.NewAccountAsync("care.district", Roles.DistrictAdmin, "370202"));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/family/care/offers/{offer}/statement")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/family/care?school={school}")).StatusCode);
        // Its own district sees the school's line on the overview.
        var own = await app.ClientAsync(await app.NewAccountAsync("care.own", Roles.DistrictAdmin, district));
        var overview = await OkJsonAsync(await own.GetAsync("/api/family/care/"));
        Assert.Contains(overview.GetProperty("schools").EnumerateArray(), s => s.GetProperty("code").GetString() == school);
    }
}
