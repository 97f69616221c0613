using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Indicators;

/// <summary>The indicator dashboards in a real browser, on the demo city whose indicators the seed computed.</summary>
public sealed class IndicatorBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Shown = ["large-class-share.primary", "student-teacher-ratio.junior", "inclusive-kindergarten-coverage", "left-behind-children"];

    /// <summary>The unit's computed values as the API gives them, fetched with the page's own session.</summary>
    private static async Task<Dictionary<string, decimal>> ValuesAsync(IPage page, string org)
    {
        var response = await page.APIRequest.GetAsync($"/api/indicators/{org}/values");
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("code").GetString()!, v => v.GetProperty("value").GetDecimal());
    }

    [Fact]
    public Task The_city_dashboard_shows_the_computed_values_draws_charts_drills_down_to_a_schools_classes_and_exports() => RunAsync(async page =>
    {
        await SignInAsync(page, "city.admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "教育指标", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/indicators/370200$"));
        await Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync("青岛市教育局 · 教育指标");

        // Every card shows the computed value.
        var values = await ValuesAsync(page, "370200");
        foreach (var code in Shown)
        {
            var shown = await page.Locator($"a.indicator-card[data-indicator='{code}'] [data-testid=value]").InnerTextAsync();
            Assert.StartsWith(values[code].ToString(code == "left-behind-children" ? "N0" : "N1", CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);
        }

        // Choosing an indicator draws its districts as bars (ECharts, as SVG with the districts' names).
        await page.Locator("a.indicator-card[data-indicator='large-class-share.primary']").ClickAsync();
        await Expect(page.GetByTestId("selected")).ToHaveAttributeAsync("data-indicator", "large-class-share.primary");
        await Expect(page.Locator("[data-testid=chart-children] svg")).ToBeVisibleAsync();
        // Ten districts go horizontal, names beside the bars and whole (they were cut to "市南区教育和…" under them).
        await Expect(page.Locator("[data-testid=chart-children] svg")).ToContainTextAsync("市南区教育和体育局");
        await Expect(page.Locator("[data-testid=chart-bands] svg")).ToBeVisibleAsync();

        // Drill down: the district with the largest share (the table lists the worst first), then its worst school.
        var district = page.GetByTestId("children").Locator("tbody tr").First;
        var districtCode = await district.GetAttributeAsync("data-org");
        var districtValue = await district.GetByTestId("child-value").InnerTextAsync();
        await district.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/indicators/{districtCode}\\?"));
        // Enhanced navigation changes the address before it patches the page: wait for the district's own page.
        await Expect(page.GetByTestId("dashboard-title")).Not.ToHaveTextAsync("青岛市教育局 · 教育指标");
        await Expect(page.Locator("a.indicator-card[data-indicator='large-class-share.primary'] [data-testid=value]"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(districtValue)));
        var districtTitle = await page.GetByTestId("dashboard-title").InnerTextAsync();
        var school = page.GetByTestId("children").Locator("tbody tr").First;
        var schoolCode = await school.GetAttributeAsync("data-org");
        await school.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/indicators/{schoolCode}\\?"));
        await Expect(page.GetByTestId("dashboard-title")).Not.ToHaveTextAsync(districtTitle);

        // A school has a handful of classes per size band: the count axis still steps in whole classes (no 0.5).
        await Expect(page.Locator("[data-testid=chart-bands] svg")).ToBeVisibleAsync();
        var labels = await page.Locator("[data-testid=chart-bands] svg text").AllTextContentsAsync();
        Assert.Contains("0", labels);
        Assert.DoesNotContain(labels, l => System.Text.RegularExpressions.Regex.IsMatch(l.Trim(), @"^\d+\.\d+$"));

        // Grades read by name (四年级), not as the registry's codes (P4).
        var grades = await page.GetByTestId("classes").Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(grades);
        Assert.All(grades, g => Assert.DoesNotMatch("^[A-Z][0-9]+$", g.Trim()));

        // The school's large classes: every one listed has 56 or more pupils.
        await page.GetByTestId("large-only").ClickAsync();
        await Expect(page.GetByTestId("large-only")).ToHaveCountAsync(0);
        var sizes = await page.GetByTestId("classes").Locator("tbody tr td.num").AllInnerTextsAsync();
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.True(int.Parse(s, CultureInfo.InvariantCulture) >= 56, s));

        // The export downloads and opens as a workbook whose classes sheet lists the school's classes.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"qedu-export-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var workbook = SpreadsheetDocument.Open(path, false);
            var names = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Contains("指标", names);
            Assert.Contains("班级", names);
        }
        finally
        {
            File.Delete(path);
        }
    });

    [Fact]
    public Task On_a_phone_the_dashboard_fits_the_screen_and_its_charts_are_drawn_to_its_width() => RunAsync(async page =>
    {
        await SignInAsync(page, "shinan.admin");
        await page.GotoAsync("/indicators");
        await Expect(page.GetByTestId("dashboard-title")).ToContainTextAsync("市南区");
        await page.Locator("a.indicator-card").First.ClickAsync();
        await Expect(page.Locator("[data-testid=chart-children] svg")).ToBeVisibleAsync();
        var width = await page.Locator("[data-testid=chart-children] div.chart").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(width, 200, Phone.Width);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        // Cards stack in one column.
        var lefts = await page.Locator("a.indicator-card").EvaluateAllAsync<double[]>("cards => cards.slice(0, 3).map(c => c.getBoundingClientRect().left)");
        Assert.Single(lefts.Distinct());
    }, viewport: Phone);
}
