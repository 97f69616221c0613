using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Identity;

/// <summary>
/// A parent on a phone (390 px wide) signs in as a demo parent would: their number, "获取验证码", the code the
/// development page shows, "登录", and lands on the parent hub; nothing scrolls sideways, the fields bring up the phone's
/// number pad, the language switch works there, and signing out leads back to the sign-in.
/// </summary>
public sealed partial class ParentSignInBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_parent_signs_in_on_a_phone_with_the_code_shown_and_lands_on_the_hub() => RunAsync(async page =>
    {
        var phone = "138" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

        await page.GotoAsync("/parent/login");
        var number = page.GetByLabel("手机号码");
        Assert.Equal("numeric", await number.GetAttributeAsync("inputmode"));
        Assert.Equal("tel", await number.GetAttributeAsync("autocomplete"));
        await AssertFitsAsync(page, "the number step");
        await number.FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("parent-code-sent")).ToContainTextAsync($"{phone[..3]}****{phone[^4..]}");
        var code = (await page.GetByTestId("development-code").Locator("code").InnerTextAsync()).Trim();
        Assert.Matches(SixDigits(), code);
        var field = page.GetByLabel("短信验证码");
        Assert.Equal("one-time-code", await field.GetAttributeAsync("autocomplete"));
        Assert.Equal("numeric", await field.GetAttributeAsync("inputmode"));
        await AssertFitsAsync(page, "the code step");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true });
        var box = (await button.BoundingBoxAsync())!;
        var again = (await page.GetByRole(AriaRole.Button, new() { Name = "重新获取验证码", Exact = true }).BoundingBoxAsync())!;
        Assert.True(box.Height >= 44, "the sign-in button is a thumb's size");
        Assert.True(Math.Abs(box.X - again.X) < 1 && Math.Abs(box.Width - again.Width) < 1, "the two buttons are one column, one under the other");
        await field.FillAsync(code);
        await button.ClickAsync();

        await Expect(page).ToHaveURLAsync(Hub());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("家长服务");
        await Expect(page.GetByTestId("parent-phone")).ToHaveTextAsync($"{phone[..3]}****{phone[^4..]}");
        await AssertFitsAsync(page, "the hub");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Parent services");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Login());
        await page.GotoAsync("/parent");
        await Expect(page).ToHaveURLAsync(Login());
    }, viewport: Phone);

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"/parent$")]
    private static partial Regex Hub();

    [GeneratedRegex(@"/parent/login(\?|$)")]
    private static partial Regex Login();
}
