using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Family.Features.CareOffers;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Family;

/// <summary>
/// After-school care from a guardian's phone (390 px): the school has published this term's offer; the guardian opens
/// 课后服务, signs in with a texted code, sees the days, hours and fee, enrols the child with one tap, and the page says
/// so with the place taken.
/// </summary>
public sealed class CareBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_guardian_enrols_a_child_in_after_school_care_on_a_phone()
    {
        var today = CityDate.Today(TimeProvider.System);
        // A guardian of their own (a fresh number): other tests sign the demo parent in and out.
        var guardianPhone = GuardedChildren.NewPhone("135");
        const string childName = "托管小雨";
        var offerName = "浏览器测试课后服务" + Guid.NewGuid().ToString("N")[..4];
        var (offer, child) = await Host.AsSystemAsync(async sp =>
        {
            var studentId = await GuardedChildren.AtAnchorAsync(sp, guardianPhone, childName, "李娜", new DateOnly(2017, 4, 1));
            var added = await sp.GetRequiredService<CareOffers>().AddOfferAsync(DemoCityGenerator.AnchorSchoolCode, new OfferInput(
                offerName, today.AddDays(-7), today.AddDays(60), today.AddDays(20), [1, 2, 3, 4, 5], new TimeOnly(15, 30), new TimeOnly(17, 30),
                ["P1", "P2", "P3", "P4", "P5", "P6"], "作业辅导、阅读、体育活动", 30, 300m, 200m));
            Assert.True(added.IsOk, added.Message);
            return (added.Value, studentId);
        });

        await RunAsync(async phone =>
        {
            await phone.GotoAsync("/parent/care");
            await EnterParentCodeAsync(phone, guardianPhone);
            var card = phone.GetByTestId($"child-{child}").Locator($"[data-offer='{offer}']");
            await Expect(card).ToContainTextAsync(offerName);
            await Expect(card).ToContainTextAsync("周一 周二 周三 周四 周五 15:30–17:30");
            await Expect(card.GetByTestId("fee")).ToHaveTextAsync("每学期 300 元（家庭经济困难学生免收）");
            await Expect(card.GetByTestId("places")).ToContainTextAsync("剩余名额 30");
            await AssertFitsAsync(phone, "the care page");
            var enrol = card.GetByRole(AriaRole.Button, new() { Name = $"为 {childName} 报名" });
            Assert.True((await enrol.BoundingBoxAsync())!.Height >= 44, "the enrol button is a thumb's size");
            await enrol.ClickAsync();
            await Expect(phone.GetByTestId("care-message")).ToHaveTextAsync("报名成功。");
            var after = phone.GetByTestId($"child-{child}").Locator($"[data-offer='{offer}']");
            await Expect(after.GetByTestId("state")).ToContainTextAsync("已报名");
            await Expect(after.GetByTestId("withdraw")).ToBeVisibleAsync();
            await AssertFitsAsync(phone, "the enrolled child");
        }, viewport: Phone);

        Assert.Equal(1, await Host.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Family.Data.FamilyDb>().CareOffers.Where(o => o.Id == offer).Select(o => o.Enrolled).SingleAsync()));
    }
}
