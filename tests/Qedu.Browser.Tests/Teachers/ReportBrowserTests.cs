using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Teachers;

/// <summary>
/// The public report channel on a phone (390 px): a report filed without signing in, its number and secret shown once,
/// then followed by them; the district's handler sees it, without the reporter's contact.
/// </summary>
public sealed class ReportBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_report_filed_anonymously_on_a_phone_is_followed_by_its_secret() => RunAsync(async page =>
    {
        var contact = $"1380000{Random.Shared.Next(1000, 9999)}";
        await page.GotoAsync("/report");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("教师有偿补课举报");
        await AssertFitsAsync(page, "the report form");

        // Too short a text is refused beside its field, and what was typed stays.
        await page.GetByTestId("school").FillAsync("青岛市市南区实验小学");
        await page.GetByTestId("text").FillAsync("太短");
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.Locator(".field-error[data-field=text]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("school")).ToHaveValueAsync("青岛市市南区实验小学");

        await page.GetByTestId("teacher").FillAsync("王老师");
        await page.GetByTestId("text").FillAsync("王老师周末在校外组织本班学生有偿补课，每人每次收费200元。");
        await page.GetByTestId("contact").FillAsync(contact);
        await page.GetByTestId("files").SetInputFilesAsync(new FilePayload
        {
            Name = "receipt.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3, 4],
        });
        await page.GetByTestId("submit").ClickAsync();
        var number = (await page.GetByTestId("case-number").InnerTextAsync()).Trim();
        var secret = (await page.GetByTestId("case-secret").InnerTextAsync()).Trim();
        Assert.Matches("^JB-\\d{4}-\\d{6}$", number);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", secret);
        await AssertFitsAsync(page, "the case number and secret");

        await page.GetByTestId("follow-link").ClickAsync();
        await page.GetByTestId("number").FillAsync(number);
        await page.GetByTestId("secret").FillAsync(secret.ToLowerInvariant());
        await page.GetByTestId("follow").ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("已收到");
        await AssertFitsAsync(page, "a followed report");
        await page.GetByTestId("add-text").FillAsync("补充：补课地点在学校附近的小区内。");
        await page.GetByTestId("add").ClickAsync();
        await Expect(page.GetByTestId("entry")).ToContainTextAsync("补课地点在学校附近的小区内");

        // The district's handler reads the case and the addition, never the contact.
        await SignInAsync(page, "shinan.admin");
        await page.GotoAsync($"/teachers/reports/{number}");
        await Expect(page.GetByTestId("text")).ToContainTextAsync("有偿补课");
        await Expect(page.GetByTestId("has-contact")).ToContainTextAsync("密封");
        Assert.DoesNotContain(contact, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByTestId("acknowledge").ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("已受理");
    }, viewport: Phone);
}
