using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Identity;

public sealed partial class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_wrong_password_shows_the_error_on_the_login_page() => RunAsync(async page =>
    {
        await page.GotoAsync("/login");
        // The auditor, not city.admin: failed attempts count towards a lockout, and other tests sign in as city.admin.
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync("auditor");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码错误");
        await Expect(page).ToHaveURLAsync(LoginPage());
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Signing_out_ends_the_session() => RunAsync(async page =>
    {
        await SignInAsync(page, "school.admin");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(LoginPage());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
        // The cookie is really gone, not just the page changed: a protected page sends us back to sign in.
        await page.GotoAsync("/org");
        await Expect(page).ToHaveURLAsync(LoginPageReturningTo());
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
    });

    [GeneratedRegex(@"/login(\?|$)")]
    private static partial Regex LoginPage();

    [GeneratedRegex(@"/login\?ReturnUrl=%2Forg$")]
    private static partial Regex LoginPageReturningTo();
}
