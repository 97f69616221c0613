using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Health;
using Qedu.Indicators.Computation;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Growth;

/// <summary>
/// Student aid (学生资助): a school applies for an eligible student (the registry's flags), only the district awards,
/// payments never exceed the award, the named list of those without aid is audited, and the award moves the coverage.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AidTests(WebApp app)
{
    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    [Fact]
    public async Task A_school_applies_the_district_awards_payments_stay_within_the_award_and_coverage_moves()
    {
        var school = await app.ClientAsync("school.admin");
        var district = await app.ClientAsync("shinan.admin");
        var view = await (await school.GetAsync("/api/growth/aid")).JsonAsync();
        Assert.Equal(TestWorld.AnchorSchool, view.GetProperty("schoolCode").GetString());
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "growth.aid-read" && a.EntityKey == TestWorld.AnchorSchool)));
        var candidate = view.GetProperty("eligible").EnumerateArray()
            .First(e => e.GetProperty("basis").GetString() == "hardship" && e.GetProperty("schemes").GetArrayLength() > 0);
        var number = candidate.GetProperty("studentNumber").GetString()!;
        var scheme = candidate.GetProperty("schemes")[0].GetString()!;
        var coveredBefore = view.GetProperty("total").GetProperty("awarded").GetInt32();

        using (var unknown = await school.PostAsJsonAsync("/api/growth/aid/applications", new { studentNumber = number, scheme = "lottery" }))
        {
            Assert.Equal(["scheme"], (await unknown.ProblemAsync()).Errors.Keys.ToList());
        }
        var plain = await PlainStudentAsync();
        using (var notEligible = await school.PostAsJsonAsync("/api/growth/aid/applications", new { studentNumber = plain, scheme }))
        {
            Assert.Equal(["studentNumber"], (await notEligible.ProblemAsync()).Errors.Keys.ToList());
        }
        using var applied = await school.PostAsJsonAsync("/api/growth/aid/applications", new { studentNumber = number, scheme });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var id = (await applied.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await school.PostAsJsonAsync("/api/growth/aid/applications", new { studentNumber = number, scheme })).StatusCode);

        // The school does not award its own; the district must give a reason to refuse; it awards.
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsJsonAsync($"/api/growth/aid/applications/{id}/review", new { award = true })).StatusCode);
        using (var noReason = await district.PostAsJsonAsync($"/api/growth/aid/applications/{id}/review", new { award = false }))
        {
            Assert.Equal(["note"], (await noReason.ProblemAsync()).Errors.Keys.ToList());
        }
        Assert.Equal(HttpStatusCode.Conflict, (await school.PostAsJsonAsync($"/api/growth/aid/applications/{id}/payments", new { paidOn = Day(Today), amount = 1, method = "bank-card" })).StatusCode);
        var awarded = await (await district.PostAsJsonAsync($"/api/growth/aid/applications/{id}/review", new { award = true })).JsonAsync();
        Assert.Equal("Awarded", awarded.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsJsonAsync($"/api/growth/aid/applications/{id}/review", new { award = false, note = "重复" })).StatusCode);

        // Payments: the scheme's amount for the grade, never more in all.
        var line = (await (await school.GetAsync("/api/growth/aid")).JsonAsync()).GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id);
        var amount = line.GetProperty("amount").GetDecimal();
        using (var tooMuch = await school.PostAsJsonAsync($"/api/growth/aid/applications/{id}/payments", new { paidOn = Day(Today), amount = amount + 1, method = "bank-card" }))
        {
            Assert.Equal(["amount"], (await tooMuch.ProblemAsync()).Errors.Keys.ToList());
        }
        // Four payments of half the award at once: two fit, two are refused, and never more than the award is paid.
        var payments = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var response = await school.PostAsJsonAsync($"/api/growth/aid/applications/{id}/payments",
                new { paidOn = Day(Today), amount = amount / 2, method = i % 2 == 0 ? "bank-card" : "fee-waiver" });
            return response.StatusCode;
        }));
        Assert.Equal((2, 2), (payments.Count(p => p == HttpStatusCode.Created), payments.Count(p => p == HttpStatusCode.BadRequest)));
        Assert.Equal(HttpStatusCode.BadRequest, (await school.PostAsJsonAsync($"/api/growth/aid/applications/{id}/payments", new { paidOn = Day(Today), amount = 0.01, method = "bank-card" })).StatusCode);

        var after = await (await school.GetAsync("/api/growth/aid")).JsonAsync();
        Assert.Equal(coveredBefore + 1, after.GetProperty("total").GetProperty("awarded").GetInt32());
        Assert.Equal(amount, after.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id).GetProperty("paid").GetDecimal());
        Assert.DoesNotContain(after.GetProperty("eligible").EnumerateArray(), e => e.GetProperty("studentNumber").GetString() == number);

        // The indicator: the school's students in hardship awarded over those the registry flags.
        var schoolId = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync());
        var period = HealthFile.SchoolYearOf(Today).ToString(CultureInfo.InvariantCulture);
        var computed = await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorComputation>().ComputeAsync(period, store: false, default));
        var coverage = computed.Values.Single(v => v.OrgUnitId == schoolId && v.IndicatorCode == "student-aid-coverage");
        Assert.Equal((after.GetProperty("total").GetProperty("awarded").GetInt32(), after.GetProperty("total").GetProperty("hardship").GetInt32()),
            ((int)coverage.Numerator, (int)coverage.Denominator!.Value));

        // A teacher and department staff have no part in it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("teacher")).GetAsync("/api/growth/aid")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("jjc.staff")).GetAsync("/api/growth/aid")).StatusCode);
        var page = await school.GetStringAsync("/growth/aid");
        Assert.Contains($"data-application=\"{id}\"", page, StringComparison.Ordinal);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A student of the anchor school with neither hardship nor disability in the registry.</summary>
    private Task<string> PlainStudentAsync() => app.AsSystemAsync(async sp =>
    {
        var anchor = await sp.GetRequiredService<KernelDb>().OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync();
        return await sp.GetRequiredService<RegistryDb>().Students.Where(s => s.OrgUnitId == anchor && !s.HasFinancialHardship && !s.HasDisability && s.StatusCode == "01" && s.ClassId != null)
            .OrderBy(s => s.Id).Select(s => s.StudentNumber).FirstAsync();
    });
}
