using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Platform;

public sealed partial class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task The_interface_is_Chinese_by_default_and_the_switch_turns_it_English() => RunAsync(async page =>
    {
        await SignInAsync(page, "city.admin");

        // Chinese although the browser asks for English (see BrowserTest): only the switch changes the language.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("您好，王建国");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true })).ToBeVisibleAsync();
        await Expect(MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "组织机构", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(HomePage()); // back on the page we switched from
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, 王建国");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Org tree", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true })).ToHaveCountAsync(0);

        // The choice is remembered (a cookie), so the next page is English too.
        await MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Org tree", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Qingdao Municipal Education Bureau");
    });

    private static ILocator MainNavigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "main" });

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomePage();
}
