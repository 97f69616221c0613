using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Growth;

/// <summary>
/// The growth record from both ends: a guardian, on a phone (390 px), sends a photo of a certificate for a 十个一 item;
/// the school's administrator accepts it on the student's page, and the guardian's page counts the item.
/// </summary>
public sealed class RecordBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // The smallest PNG there is: eight bytes of signature, a header, one pixel, the end.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_guardian_sends_evidence_on_a_phone_and_the_school_accepts_it()
    {
        var guardianPhone = GuardedChildren.NewPhone("136");
        const string childName = "档案小雨";
        var studentId = await Host.AsSystemAsync(sp => GuardedChildren.AtAnchorAsync(sp, guardianPhone, childName, "李娜", new DateOnly(2017, 4, 2), lastClass: true));
        var admin = $"records.{Guid.NewGuid().ToString("N")[..6]}";
        await Host.CreateAccountAsync(admin, Qedu.Kernel.Access.Roles.SchoolAdmin, DemoCityGenerator.AnchorSchoolCode);

        await RunAsync(async phone =>
        {
            await phone.GotoAsync("/parent/growth");
            await EnterParentCodeAsync(phone, guardianPhone);
            // The only child's record opens straight away.
            await Expect(phone.GetByTestId("child-name")).ToHaveTextAsync(childName);
            await AssertFitsAsync(phone, "the guardian's growth record");
            var form = phone.GetByTestId("evidence-form");
            await form.GetByTestId("item").SelectOptionAsync("sport");
            await form.GetByTestId("title").FillAsync("游泳达标证书");
            await form.GetByTestId("file").SetInputFilesAsync(new FilePayload { Name = "证书.png", MimeType = "image/png", Buffer = Png });
            Assert.True((await form.GetByTestId("send").BoundingBoxAsync())!.Height >= 44, "the send button is a thumb's size");
            await form.GetByTestId("send").ClickAsync();
            await Expect(phone.GetByTestId("evidence-message")).ToHaveTextAsync("已提交，等待学校审核。");
            await Expect(phone.GetByTestId("my-evidence").Locator("[data-state='Pending']")).ToContainTextAsync("游泳达标证书");
            await AssertFitsAsync(phone, "the record after sending");

            // The school's administrator, at a desk, accepts it on the student's page.
            await using var desk = await Host.Browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString() });
            var page = await desk.NewPageAsync();
            await SignInAsync(page, admin);
            await page.GotoAsync($"/growth/records/students/{studentId}");
            var waiting = page.GetByTestId("evidence-waiting");
            await Expect(waiting).ToContainTextAsync("游泳达标证书");
            await waiting.GetByTestId("accept").ClickAsync();
            await Expect(page.GetByTestId("record-message")).ToHaveTextAsync("已采纳，记入成长档案。");
            await Expect(page.Locator("[data-area='Health']")).ToContainTextAsync("游泳达标证书");

            // Back on the phone: the item counts as done.
            await phone.GotoAsync("/parent/growth");
            await Expect(phone.GetByTestId("record-items").Locator("[data-item='sport']")).ToHaveAttributeAsync("data-done", "true");
            await Expect(phone.GetByTestId("my-evidence").Locator("li")).ToHaveCountAsync(1);
            await Expect(phone.GetByTestId("my-evidence").Locator("[data-state='Accepted']")).ToContainTextAsync("游泳达标证书");
        }, viewport: Phone);
    }
}
