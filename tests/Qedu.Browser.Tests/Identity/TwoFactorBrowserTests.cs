using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Identity;

/// <summary>
/// An administrator turns on two-step verification as a person would: from their name in the header to "my account",
/// reads the key shown beside the QR code into an authenticator (here Otp.NET, as an app computes it), confirms with a
/// code, keeps the recovery codes, signs out, and signs in again with the password and the next code.
/// </summary>
public sealed partial class TwoFactorBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task An_administrator_enrols_an_authenticator_signs_out_and_signs_in_with_a_code() => RunAsync(async page =>
    {
        var userName = $"browser.totp.{Guid.NewGuid().ToString("N")[..6]}";
        await Host.CreateAccountAsync(userName, Roles.SchoolAdmin, DemoCityGenerator.AnchorSchoolCode);
        await SignInAsync(page, userName);

        await page.GetByTestId("current-user").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("我的账号");
        await Expect(page.GetByTestId("two-factor-status")).ToContainTextAsync("未启用");
        await page.GetByTestId("two-factor-status").GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();

        await Expect(page.GetByTestId("totp-qr").Locator("svg")).ToBeVisibleAsync();
        var uri = await page.GetByTestId("totp-qr").GetAttributeAsync("data-uri");
        var key = (await page.GetByTestId("totp-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Contains($"secret={key}", uri, StringComparison.Ordinal);
        var authenticator = new Totp(Base32Encoding.ToBytes(key));

        await page.GetByLabel("验证码").FillAsync(authenticator.ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "启用", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "我已保存，继续" }).ClickAsync();
        await Expect(page.GetByTestId("two-factor-status")).ToContainTextAsync("已启用");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true }).ClickAsync();
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(TwoFactorStep());
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);

        // The enrolment's code was spent; the app's next code (half a minute on) is good now.
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(authenticator.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await Expect(page.GetByTestId("sessions")).ToContainTextAsync("密码 + 验证码");
    });

    [Fact]
    public Task The_code_step_fits_a_phone() => RunAsync(async page =>
    {
        var userName = $"browser.phone.{Guid.NewGuid().ToString("N")[..6]}";
        await Host.CreateAccountAsync(userName, Roles.Teacher, DemoCityGenerator.AnchorSchoolCode);
        await SignInAsync(page, userName);
        await page.GotoAsync("/account/two-factor");
        var key = (await page.GetByTestId("totp-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("验证码").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "启用", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the recovery codes page is wider than the phone");

        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true }).ClickAsync();
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(TwoFactorStep());
        await Expect(page.GetByLabel("验证码", new() { Exact = true })).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the code step is wider than the phone");
    }, viewport: Phone);

    [GeneratedRegex(@"/login/two-factor(\?|$)")]
    private static partial Regex TwoFactorStep();
}
