using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Exams.Data;
using Qedu.Exams.DemoData;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Exams;

/// <summary>
/// The exam analysis in a real browser on the demo city's exams: the city drills down from the whole exam to a district, a
/// school and its classes, reads the score bands and value-added drawn as intervals; a school's head lands on their own
/// school and sees its interval, nobody else's.
/// </summary>
public sealed partial class ExamBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [GeneratedRegex("subject=2")]
    private static partial Regex SecondSubject();

    [Fact]
    public Task The_city_drills_down_to_a_schools_classes_and_reads_value_added_as_intervals() => RunAsync(async page =>
    {
        await SignInAsync(page, "city.admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "考试分析", Exact = true }).ClickAsync();
        await page.GetByTestId("exams").GetByRole(AriaRole.Link, new() { Name = "九年级上学期期中统考（演示）" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("九年级上学期期中统考（演示）");
        // The total and the five subjects; the score bands drawn by the chart library as SVG.
        await Expect(page.GetByTestId("by-subject").GetByTestId("figure-row")).ToHaveCountAsync(6);
        await Expect(page.Locator("[data-testid=chart-bands] svg")).ToBeVisibleAsync();

        // Value-added as intervals: one mark per school of the estimate, as many as the API gives.
        var response = await page.APIRequest.GetAsync($"/api/exams/{ExamsDemoSeedStep.CurrentCode}/value-added");
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        var estimated = json.RootElement.GetProperty("schools").EnumerateArray().Count(s => !s.GetProperty("tooFew").GetBoolean());
        await Expect(page.GetByTestId("caterpillar").GetByTestId("caterpillar-school")).ToHaveCountAsync(estimated);

        // Down: a district, one of its schools, its classes.
        var district = page.GetByTestId("below").GetByRole(AriaRole.Link).First;
        var districtName = await district.InnerTextAsync();
        await district.ClickAsync();
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(districtName);
        // The district's own schools in its chart.
        var schools = await page.GetByTestId("below").GetByTestId("figure-row").CountAsync();
        await Expect(page.GetByTestId("caterpillar").GetByTestId("caterpillar-school")).ToHaveCountAsync(schools);
        var school = page.GetByTestId("below").GetByRole(AriaRole.Link).First;
        var schoolName = await school.InnerTextAsync();
        await school.ClickAsync();
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(schoolName);
        await Expect(page.Locator("h2", new() { HasText = "各班级" })).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("below").GetByTestId("figure-row").CountAsync() >= 1);
        // The school among its district's schools, marked.
        await Expect(page.GetByTestId("caterpillar").GetByTestId("caterpillar-school")).ToHaveCountAsync(schools);
        await Expect(page.Locator("[data-testid=caterpillar-school][data-current=true]")).ToHaveCountAsync(1);

        // Another subject: the same school in 数学.
        await page.Locator("select[name=subject]").SelectOptionAsync(new SelectOptionValue { Label = "数学 (120)" });
        await page.GetByTestId("subject-form").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page).ToHaveURLAsync(SecondSubject());
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(schoolName);
        await Expect(page.Locator("h2", new() { HasText = "各班级 · 数学" })).ToBeVisibleAsync();

        // The value-added page: the table in school-code order with a reading per school, not a ranking.
        await page.GotoAsync($"/exams/{ExamsDemoSeedStep.CurrentCode}/value-added");
        await Expect(page.GetByTestId("va-schools").GetByTestId("va-row")).ToHaveCountAsync(json.RootElement.GetProperty("schools").GetArrayLength());
        await Expect(page.GetByTestId("va-form")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_school_head_lands_on_their_own_school_and_sees_its_interval_only() => RunAsync(async page =>
    {
        var (code, name) = await Host.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExamsDb>();
            var exam = await db.Exams.SingleAsync(e => e.Code == ExamsDemoSeedStep.CurrentCode);
            var run = await db.ValueAddedRuns.Where(r => r.ExamId == exam.Id).OrderBy(r => r.Id).FirstAsync();
            var schoolId = await db.ValueAddedSchools.Where(s => s.RunId == run.Id).OrderBy(s => s.OrgUnitId).Select(s => s.OrgUnitId).FirstAsync();
            var unit = await sp.GetRequiredService<KernelDb>().OrgUnits.SingleAsync(o => o.Id == schoolId);
            return (unit.Code, unit.Name);
        });
        var head = $"exam.head.{Guid.NewGuid().ToString("N")[..6]}";
        await Host.CreateAccountAsync(head, Roles.SchoolAdmin, code);
        await SignInAsync(page, head);
        await page.GotoAsync("/exams");
        await page.GetByTestId("exams").GetByRole(AriaRole.Link, new() { Name = "九年级上学期期中统考（演示）" }).ClickAsync();
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("caterpillar").GetByTestId("caterpillar-school")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("caterpillar").GetByTestId("caterpillar-school")).ToHaveAttributeAsync("data-code", code);
        // No import for a school: the bureau imports.
        await page.GotoAsync("/exams");
        await Expect(page.GetByTestId("import-link")).ToHaveCountAsync(0);
    });
}
