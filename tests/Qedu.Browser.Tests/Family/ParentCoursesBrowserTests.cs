using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Family.Features.CourseSessions;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Family;

/// <summary>
/// Family–school cooperation from a parent's phone (390 px): the school has put on a parent-course session; the parent
/// opens 家长大课堂, signs in with a texted code, sees the day, place and speaker, takes a seat with one tap and the page
/// says so; then 家长委员会 shows the school's committee by name and office, without numbers.
/// </summary>
public sealed class ParentCoursesBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_parent_takes_a_seat_at_a_parent_course_and_reads_the_committee_on_a_phone()
    {
        var today = CityDate.Today(TimeProvider.System);
        // A parent of their own (a fresh number): other tests sign the demo parent in and out.
        var parentPhone = GuardedChildren.NewPhone("135");
        var title = "浏览器测试讲座" + Guid.NewGuid().ToString("N")[..4];
        var course = await Host.AsSystemAsync(async sp =>
        {
            await GuardedChildren.AtAnchorAsync(sp, parentPhone, "讲座小林", "林强", new DateOnly(2017, 3, 1), girl: false);
            var added = await sp.GetRequiredService<CourseSessions>().AddAsync(DemoCityGenerator.AnchorSchoolCode, new SessionInput(
                title, "市家庭教育指导中心 王敏", "入学前后孩子的作息与习惯", today.AddDays(5), new TimeOnly(19, 0), new TimeOnly(20, 30), "学校报告厅", 40));
            Assert.True(added.IsOk, added.Message);
            return added.Value;
        });

        await RunAsync(async phone =>
        {
            await phone.GotoAsync("/parent/courses");
            await EnterParentCodeAsync(phone, parentPhone);
            var card = phone.Locator($"[data-course='{course}']");
            await Expect(card).ToContainTextAsync(title);
            await Expect(card).ToContainTextAsync($"{today.AddDays(5):yyyy-MM-dd} 19:00–20:30 · 学校报告厅");
            await Expect(card).ToContainTextAsync("主讲：市家庭教育指导中心 王敏");
            await Expect(card.GetByTestId("seats-left")).ToHaveTextAsync("剩余名额 40 个");
            await AssertFitsAsync(phone, "the parent-courses page");
            var register = card.GetByRole(AriaRole.Button, new() { Name = "我要报名" });
            Assert.True((await register.BoundingBoxAsync())!.Height >= 44, "the seat button is a thumb's size");
            await register.ClickAsync();
            await Expect(phone.GetByTestId("course-message")).ToHaveTextAsync("报名成功。");
            await Expect(phone.Locator($"[data-course='{course}']").GetByTestId("state")).ToHaveTextAsync("您已报名");
            await Expect(phone.Locator($"[data-course='{course}']").GetByTestId("cancel")).ToBeVisibleAsync();

            // The school's parent committee (the demo formed one at every school), by name and office, no numbers.
            await phone.GotoAsync("/parent/committees");
            var committee = phone.Locator("[data-committee]").First;
            await Expect(committee).ToContainTextAsync("校级家委会");
            await Expect(committee.GetByTestId("members")).ToContainTextAsync("主任 · ");
            Assert.DoesNotMatch(@"1\d{10}|\*{4}", await committee.InnerTextAsync());
            await AssertFitsAsync(phone, "the parent-committees page");
        }, viewport: Phone);

        Assert.Equal(1, await Host.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Family.Data.FamilyDb>().ParentCourses.Where(c => c.Id == course).Select(c => c.Registered).SingleAsync()));
    }
}
