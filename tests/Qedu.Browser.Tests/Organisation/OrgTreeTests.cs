using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Organisation;

public sealed partial class OrgTreeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>The anchor school of the demo city: 青岛市市南区实验小学, in 市南区, run by school.admin.</summary>
    private const string AnchorSchool = DemoCityGenerator.AnchorSchoolCode;

    [Fact]
    public Task The_city_admin_walks_the_tree_into_Shinan_and_opens_a_school() => RunAsync(async page =>
    {
        await SignInAsync(page, "city.admin");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "组织机构", Exact = true }).ClickAsync();

        // The city admin's single root opens directly.
        await Expect(page).ToHaveURLAsync(OrgPage("370200"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("青岛市教育局");

        await page.GetByTestId("org-tree").GetByRole(AriaRole.Link, new() { Name = "市南区教育和体育局", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(OrgPage("370202"));
        await Expect(page.GetByTestId("org-code")).ToHaveTextAsync("370202");
        var school = page.GetByTestId("schools").GetByRole(AriaRole.Link, new() { Name = "青岛市市南区实验小学", Exact = true });
        await Expect(school).ToBeVisibleAsync();

        await school.ClickAsync();

        await Expect(page).ToHaveURLAsync(OrgPage(AnchorSchool));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("青岛市市南区实验小学");
        await Expect(page.GetByTestId("school-facts")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_school_admin_cannot_open_another_district() => RunAsync(async page =>
    {
        await SignInAsync(page, "school.admin");

        // First what the school admin may see, so the refusal below is about scope and not a broken page.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "组织机构", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(OrgPage(AnchorSchool));
        await Expect(page.GetByTestId("school-facts")).ToBeVisibleAsync();

        // 市北区 (370203) is another district: typing its address must not show it.
        var response = await page.GotoAsync("/org/370203");

        Assert.NotNull(response);
        Assert.True(response.Status is 403 or 404, $"Expected 403 or 404, got {response.Status}.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(NotFoundOrDenied());
        await Expect(page.GetByTestId("org-code")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("schools")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("市北区");
    });

    private static Regex OrgPage(string code) => new($"/org/{Regex.Escape(code)}$");

    [GeneratedRegex("^(未找到|无权访问)$")]
    private static partial Regex NotFoundOrDenied();
}
