using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Qedu.Kernel.DemoCity;

namespace Qedu.Browser.Tests;

/// <summary>
/// Base of every browser test: each test runs in a fresh browser context (no cookies from another test), and a
/// failing test leaves a screenshot and the page's HTML in TestResults/screenshots for whoever reads the failure.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture)
{
    /// <summary>Generous for a shared two-core machine; a healthy page answers in well under a second.</summary>
    private const float TimeoutMs = 15_000;

    static BrowserTest() => Assertions.SetDefaultExpectTimeout(TimeoutMs);

    /// <summary>The shared web host, for what a test sets up behind the browser's back (an account of its own).</summary>
    protected BrowserFixture Host => fixture;

    /// <summary>A phone's screen (an iPhone 12-sized viewport), for the pages that must work on one.</summary>
    protected static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    protected async Task RunAsync(Func<IPage, Task> test, [CallerMemberName] string name = "", ViewportSize? viewport = null)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            // An English browser on purpose: the interface must still start in Chinese (only the switch changes it).
            Locale = "en-US",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(TimeoutMs);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch (Exception failure)
        {
            await SaveEvidenceAsync(page, name, failure);
            throw;
        }
    }

    /// <summary>Signs in through the login form as a person would and waits for the signed-in shell.</summary>
    protected static async Task SignInAsync(IPage page, string userName, string password = DemoAccounts.Password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
    }

    /// <summary>
    /// On a parent's sign-in form (wherever it is shown), enters <paramref name="phone"/>, asks for a code and signs in
    /// with the one the development page shows, as a parent would with the text message.
    /// </summary>
    protected static async Task EnterParentCodeAsync(IPage page, string phone)
    {
        await page.GetByLabel("手机号码").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码", Exact = true }).ClickAsync();
        var code = (await page.GetByTestId("development-code").Locator("code").InnerTextAsync()).Trim();
        await page.GetByLabel("短信验证码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    /// <summary>Fails when the page is wider than the window: a phone's page must not scroll sideways.</summary>
    protected static async Task AssertFitsAsync(IPage page, string what) =>
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"{what} is wider than the phone");

    private async Task SaveEvidenceAsync(IPage page, string name, Exception failure)
    {
        try
        {
            var directory = ScreenshotDirectory();
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"{GetType().Name}.{name}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file + ".png", FullPage = true });
            await File.WriteAllTextAsync(file + ".html", $"<!-- {page.Url}\n{failure.Message} -->\n" + await page.ContentAsync());
        }
        catch (Exception evidence) when (evidence is PlaywrightException or IOException)
        {
            // A page that died cannot be photographed; the test's own failure is what matters.
        }
    }

    private static string ScreenshotDirectory() =>
        Environment.GetEnvironmentVariable("QEDU_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : typeof(BrowserTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "ScreenshotDirectory").Value!;
}
