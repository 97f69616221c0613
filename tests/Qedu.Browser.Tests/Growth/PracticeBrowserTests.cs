using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Growth.Features.Practice;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Growth;

/// <summary>
/// A social classroom from both ends: the school books places for a class in today's session and shows its check-in
/// code; a guardian, on a phone at the venue (390 px), opens the code's link, signs in with a texted code and checks
/// the child in, and the child's practice days count one more.
/// </summary>
public sealed class PracticeBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_school_books_a_session_and_a_parent_checks_the_child_in_on_a_phone()
    {
        var today = CityDate.Today(TimeProvider.System);
        var code = "BR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        // A guardian of their own (a fresh number): other tests sign the demo parent in and out.
        var guardianPhone = GuardedChildren.NewPhone("137");
        const string childName = "实践小明";
        var sessionId = await Host.AsSystemAsync(async sp =>
        {
            await GuardedChildren.AtAnchorAsync(sp, guardianPhone, childName, "张华", new DateOnly(2016, 3, 1), girl: false);
            var classrooms = sp.GetRequiredService<SocialClassrooms>();
            Assert.True((await classrooms.AddVenueAsync(new NewVenue(code, "浏览器测试科技馆", "science", "city", true, 80, "青岛市市南区香港中路", 36.06, 120.38), default)).IsOk);
            return (await classrooms.AddSessionAsync(code, new NewSession("全天科普", today, new TimeOnly(0, 0), new TimeOnly(23, 59), 30), default)).Value;
        });
        var admin = $"practice.{Guid.NewGuid().ToString("N")[..6]}";
        await Host.CreateAccountAsync(admin, Roles.SchoolAdmin, DemoCityGenerator.AnchorSchoolCode);

        string link = "";
        await RunAsync(async page =>
        {
            await SignInAsync(page, admin);
            await page.GotoAsync("/growth/practice");
            var row = page.Locator($"[data-session='{sessionId}']");
            await Expect(row.GetByTestId("left")).ToContainTextAsync("30 / 30");
            await row.GetByTestId("places").FillAsync("3");
            await row.GetByTestId("class-name").FillAsync("一年级1班");
            await row.GetByTestId("book").ClickAsync();
            await Expect(page.GetByTestId("practice-message")).ToHaveTextAsync("已预约 3 个名额。");
            await Expect(page.Locator($"[data-session='{sessionId}']").GetByTestId("left")).ToContainTextAsync("27 / 30");
            await page.Locator($"[data-session='{sessionId}']").GetByTestId("code-link").ClickAsync();
            link = (await page.GetByTestId("check-in-qr").GetAttributeAsync("data-uri"))!;
            Assert.Contains($"/parent/practice?s={sessionId}&t=", link, StringComparison.Ordinal);
        });

        await RunAsync(async phone =>
        {
            // The camera opens the link: sign in first, then back to the session.
            await phone.GotoAsync(new Uri(link).PathAndQuery);
            await EnterParentCodeAsync(phone, guardianPhone);
            // The sign-in returns to the link it was asked for: the session's card. (Waiting for the card rather than for the
            // address: a wait on the address raced the redirect's load on a busy machine.)
            var card = phone.GetByTestId("check-in");
            await Expect(card).ToContainTextAsync("浏览器测试科技馆");
            await AssertFitsAsync(phone, "the check-in page");
            var before = await DaysAsync(phone);
            var button = card.GetByRole(AriaRole.Button, new() { Name = $"为 {childName} 签到" });
            Assert.True((await button.BoundingBoxAsync())!.Height >= 44, "the check-in is a thumb's size");
            await button.ClickAsync();
            await Expect(phone.GetByTestId("check-in-result")).ToContainTextAsync("签到成功");
            Assert.Equal(before + 1, await DaysAsync(phone));
            await AssertFitsAsync(phone, "the check-in result");
        }, viewport: Phone);
    }

    /// <summary>The first child's practice days as the page states them ("本学年实践 N 天…").</summary>
    private static async Task<int> DaysAsync(IPage page)
    {
        var text = await page.GetByTestId("practice-children").GetByTestId("days").First.InnerTextAsync();
        return int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
