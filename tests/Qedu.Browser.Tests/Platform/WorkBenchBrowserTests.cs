using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Platform;

/// <summary>
/// The home page as each demo role meets it (its work first, each line one click to its page, shortcuts after) and the
/// menu (what the role may use and nothing a school does not need, one entry lit, folded on a phone). The demo data
/// changes as the demo grows: these tests look for kinds of work and working links, never for counts.
/// </summary>
public sealed partial class WorkBenchBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string> DemoAccounts() => ["city.admin", "shinan.admin", "school.admin", "auditor", "jjc.staff", "teacher"];

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public Task The_home_page_shows_the_work_first_and_every_line_opens_its_page(string user) => RunAsync(async page =>
    {
        await SignInAsync(page, user);

        var work = page.GetByTestId("work");
        await Expect(work.GetByRole(AriaRole.Heading, new() { Name = "待办工作" })).ToBeVisibleAsync();
        var workTop = (await work.BoundingBoxAsync())!.Y;
        var shortcutsTop = (await page.GetByTestId("shortcuts").BoundingBoxAsync())!.Y;
        Assert.True(workTop < shortcutsTop, "the work list comes before the shortcuts");

        // Each line (whatever the demo holds today) opens a page of Qedu, not a refusal or a missing page.
        var links = await work.GetByTestId("work-item").Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        if (links.Length == 0)
        {
            await Expect(page.GetByTestId("work-none")).ToBeVisibleAsync();
        }
        foreach (var href in links.Take(4))
        {
            var response = await page.GotoAsync(href);
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync(new Regex("无权访问|页面不存在"));
        }
    });

    [Fact]
    public Task A_form_sent_to_a_school_is_on_its_home_page_one_click_from_its_return() => RunAsync(async page =>
    {
        // The city sends a round of its own (a period nothing else uses) to its schools.
        await SignInAsync(page, "city.admin");
        await page.GotoAsync("/indicators/forms");
        var send = page.GetByTestId("send-form");
        await send.Locator("select[name='Send.Form']").SelectOptionAsync("campus-network");
        await send.Locator("input[name='Send.Period']").FillAsync("2016");
        await send.Locator("input[name='Send.Deadline']").FillAsync(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("send").ClickAsync();
        await Expect(page).ToHaveURLAsync(RoundPage());

        // The school administrator finds it on the home page and opens the return in one click.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "school.admin");
        var line = page.GetByTestId("work-item").Filter(new() { HasText = "· 2016" });
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line).ToHaveAttributeAsync("data-kind", "FormDue");
        await Expect(line).ToContainTextAsync("待填报");
        await line.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(ReturnPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    });

    [Theory]
    [InlineData("city.admin", true)]
    [InlineData("shinan.admin", true)]
    [InlineData("jjc.staff", true)]
    [InlineData("auditor", true)]
    [InlineData("school.admin", false)]
    [InlineData("teacher", false)]
    public Task The_menu_fits_the_role_and_lights_one_entry_on_every_page(string user, bool bureau) => RunAsync(async page =>
    {
        await SignInAsync(page, user);
        var menu = MainNavigation(page);
        // On a desktop the menu is simply there: no menu button.
        await Expect(menu).ToBeVisibleAsync();
        await Expect(page.GetByTestId("menu-button")).ToBeHiddenAsync();

        // A school's people get neither the leader overview nor the API reference.
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "接口文档", Exact = true })).ToHaveCountAsync(bureau ? 1 : 0);
        if (!bureau)
        {
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "领导驾驶舱", Exact = true })).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("shortcuts").GetByRole(AriaRole.Link, new() { Name = "领导驾驶舱", Exact = true })).ToHaveCountAsync(0);
        }

        // On every page of the menu exactly one entry is lit, the page's own (sub-pages such as 我的任务 under 规划与督办 too).
        var hrefs = (await menu.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(h => !h.StartsWith("/scalar", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hrefs);
        foreach (var href in hrefs)
        {
            await menu.Locator($"a[href='{href}']").ClickAsync();
            // The page itself or where it leads (组织机构 opens on the caller's own unit, /org/2137000001).
            await Expect(page).ToHaveURLAsync(new Regex(href == "/" ? "/$" : Regex.Escape(href) + "(/[^?]*)?$"));
            var lit = menu.Locator("a[aria-current='page']");
            await Expect(lit).ToHaveCountAsync(1);
            await Expect(lit).ToHaveAttributeAsync("href", href);
        }
    });

    [Fact]
    public Task A_page_title_has_no_focus_ring_and_the_menu_keeps_one() => RunAsync(async page =>
    {
        await SignInAsync(page, "city.admin");
        await MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "组织机构", Exact = true }).ClickAsync();
        var title = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(title).ToHaveTextAsync("青岛市教育局");

        // The title takes the focus after navigating (for screen readers) but shows no rectangle.
        await title.FocusAsync();
        Assert.Equal("none", await title.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        // A link reached by the keyboard still shows where the focus is.
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        Assert.NotEqual("none", await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
    });

    [Theory]
    [InlineData("school.admin")]
    [InlineData("city.admin")]
    public Task On_a_phone_the_menu_is_folded_and_opens_on_tap(string user) => RunAsync(async page =>
    {
        await SignInAsync(page, user);
        var menu = MainNavigation(page);
        var button = page.GetByTestId("menu-button");

        // The first screen is the page: the menu waits behind its button, the work list is in view. (Clicks stand for
        // taps: the shared browser contexts have no touch screen.)
        await Expect(menu).ToBeHiddenAsync();
        await Expect(button).ToBeVisibleAsync();
        await Expect(button).ToHaveTextAsync(new Regex("菜单"));
        Assert.True((await page.GetByTestId("work").BoundingBoxAsync())!.Y < Phone.Height, "the work list starts on the first screen");

        await button.ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
        var org = menu.GetByRole(AriaRole.Link, new() { Name = "组织机构", Exact = true });
        await Expect(org).ToBeVisibleAsync();

        // Tapping an entry goes there; the next page starts with the menu folded again.
        await org.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/org(/[0-9]+)?$"));
        await Expect(menu).ToBeHiddenAsync();
        await button.ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
        await button.ClickAsync();
        await Expect(menu).ToBeHiddenAsync();
    }, viewport: Phone);

    private static ILocator MainNavigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "main" });

    [GeneratedRegex(@"/indicators/forms/rounds/\d+$")]
    private static partial Regex RoundPage();

    [GeneratedRegex(@"/indicators/forms/returns/\d+$")]
    private static partial Regex ReturnPage();
}
