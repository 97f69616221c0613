using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Registry;

public sealed partial class RegistryPageBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string AnchorSchool = DemoCityGenerator.AnchorSchoolCode;

    [Fact]
    public Task A_school_admin_goes_from_the_school_to_a_class_and_opens_a_pupil() => RunAsync(async page =>
    {
        await SignInAsync(page, "school.admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "组织机构", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/org/{AnchorSchool}$"));

        await page.GetByTestId("school-classes").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("青岛市市南区实验小学 的班级");
        var firstClass = page.GetByTestId("classes").Locator("tbody tr").First;
        var size = int.Parse(await firstClass.GetByTestId("class-size").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(size > 0);

        await firstClass.Locator("td").Nth(1).GetByRole(AriaRole.Link).ClickAsync();

        // The class's pupils, all of them on one page when the class is smaller than a page.
        await Expect(page).ToHaveURLAsync(new Regex("/registry/students\\?class=[0-9]+$"));
        await Expect(page.GetByTestId("students").Locator("tbody tr")).ToHaveCountAsync(Math.Min(size, 50));

        await page.GetByTestId("students").Locator("tbody tr").First.Locator("td").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(StudentPage());

        // A school admin holds pii.view: the full resident ID shows, with the guardians and the enrolment history.
        await Expect(page.GetByTestId("student-facts").GetByTestId("resident-id")).ToHaveTextAsync(FullResidentId());
        await Expect(page.GetByTestId("guardians").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("enrolments")).ToContainTextAsync("至今");
    });

    [Fact]
    public Task A_district_admin_sees_students_masked() => RunAsync(async page =>
    {
        await SignInAsync(page, "shinan.admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "学生学籍", Exact = true }).ClickAsync();

        var ids = page.GetByTestId("students").GetByTestId("resident-id");
        await Expect(ids.First).ToHaveTextAsync(MaskedResidentId());
        await page.GetByTestId("students").Locator("tbody tr").First.Locator("td").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(StudentPage());
        await Expect(page.GetByTestId("masked")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("student-facts").GetByTestId("resident-id")).ToHaveTextAsync(MaskedResidentId());
    });

    [GeneratedRegex("/registry/students/[0-9]+$")]
    private static partial Regex StudentPage();

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex FullResidentId();

    [GeneratedRegex("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$")]
    private static partial Regex MaskedResidentId();
}
