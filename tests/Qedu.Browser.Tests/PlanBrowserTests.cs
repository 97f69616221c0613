using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests;

public sealed partial class PlanBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static FilePayload Seed001() => new()
    {
        Name = "青岛市教育局2018年工作要点.txt",
        MimeType = "text/plain",
        Buffer = File.ReadAllBytes(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), "001_*.txt").Single()),
    };

    [Fact]
    public Task The_city_imports_seed_001_reviews_a_task_publishes_and_the_department_sees_its_overdue_tasks_in_red() => RunAsync(async page =>
    {
        await SignInAsync(page, "city.admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "规划与督办", Exact = true }).ClickAsync();
        await page.GetByTestId("plan-import-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("导入规划文件");

        await page.GetByTestId("plan-file").SetInputFilesAsync(Seed001());
        await page.GetByTestId("plan-import-submit").ClickAsync();

        // The draft opens for review: 34 tasks, each with its lead unit.
        await Expect(page).ToHaveURLAsync(PlanPage());
        var planUrl = page.Url;
        await Expect(page.GetByTestId("plan-state")).ToHaveTextAsync("草稿（待审核）");
        await Expect(page.GetByTestId("review")).ToContainTextAsync("识别出 34 项任务");
        var rows = page.GetByTestId("task-row");
        await Expect(rows).ToHaveCountAsync(34);
        for (int i = 0; i < 34; i++)
        {
            await Expect(rows.Nth(i).GetByTestId("task-lead")).Not.ToBeEmptyAsync();
        }

        // The reviewer moves the first task's deadline to the future: it is no longer overdue.
        await rows.First.GetByTestId("task-edit-link").ClickAsync();
        await page.GetByTestId("edit-deadline").FillAsync("2099年12月");
        await page.GetByTestId("save-task").ClickAsync();
        await Expect(page).ToHaveURLAsync(planUrl);
        await Expect(rows.First).Not.ToHaveAttributeAsync("data-status", "Overdue");

        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("plan-state")).ToHaveTextAsync("执行中");

        // The department (基教处) opens the plan: its overdue tasks are red.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "jjc.staff");
        await page.GotoAsync(planUrl);
        await Expect(page.GetByTestId("review")).ToHaveCountAsync(0);
        var overdue = page.Locator("tr.status-overdue");
        Assert.True(await overdue.CountAsync() > 0);
        var background = await overdue.First.Locator("td").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(253, 236, 234)", background);
        await Expect(overdue.First.Locator("[data-status=Overdue]")).ToHaveTextAsync("已逾期");
    });

    [GeneratedRegex("/plans/[0-9]+$")]
    private static partial Regex PlanPage();
}
