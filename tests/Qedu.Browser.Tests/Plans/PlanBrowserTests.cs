using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Plans;

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
        // Units are picked among the bureau's own, not typed: 人事处 joins the task.
        await page.Locator("[data-testid=unit-picker] label").Filter(new() { HasText = "人事处" }).GetByTestId("unit-role").SelectOptionAsync("Participating");
        await page.GetByTestId("save-task").ClickAsync();
        await Expect(page).ToHaveURLAsync(planUrl);
        await Expect(rows.First).Not.ToHaveAttributeAsync("data-status", "Overdue");
        await Expect(rows.First.Locator("td").Nth(3)).ToContainTextAsync("人事处");
        await Expect(rows.First.GetByTestId("task-lead")).ToContainTextAsync("基教处");

        // Publishing asks for a confirmation first: without it the plan stays a draft.
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("plan-state")).ToHaveTextAsync("草稿（待审核）");
        await page.GetByTestId("confirm-publish").CheckAsync();
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

    [Fact]
    public Task The_owner_sends_a_notice_and_the_department_reports_progress_with_evidence_and_replies() => RunAsync(async page =>
    {
        await SignInAsync(page, "city.admin");
        await page.GotoAsync("/plans/import");
        await page.GetByTestId("plan-file").SetInputFilesAsync(Seed001());
        await page.GetByTestId("plan-import-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(PlanPage());
        await page.GetByTestId("confirm-publish").CheckAsync();
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("plan-state")).ToHaveTextAsync("执行中");

        // An overdue task led by 基教处: the owner sends it a 督办单.
        var row = page.GetByTestId("task-row").Filter(new() { Has = page.GetByTestId("task-lead").GetByText("基教处", new() { Exact = true }) })
            .And(page.Locator("[data-status=Overdue]")).First;
        await row.Locator("td").Nth(1).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(TaskPage());
        var taskUrl = page.Url;
        var notice = page.GetByTestId("notice-form");
        await notice.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "基教处" });
        await notice.Locator("textarea").FillAsync("请于本月底前报送进展及佐证材料。");
        await notice.Locator("input[type=date]").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await notice.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("请于本月底前报送进展及佐证材料。");

        // 基教处 finds the task among its own, reports with a file, and answers the notice.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "jjc.staff");
        await page.GotoAsync("/plans/mine");
        await Expect(page.GetByTestId("my-unit")).ToContainTextAsync("基教处");
        await page.GotoAsync(taskUrl);
        var form = page.GetByTestId("report-form");
        await form.Locator("textarea[name='Report.Text']").FillAsync("已完成全市摸底，形成工作方案。");
        await form.GetByTestId("evidence-input").SetInputFilesAsync(new FilePayload
        {
            Name = "工作方案.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        await form.GetByTestId("submit-report").ClickAsync();
        var report = page.GetByTestId("report").First;
        await Expect(report).ToContainTextAsync("已完成全市摸底，形成工作方案。");
        await Expect(report.GetByTestId("evidence-link")).ToHaveTextAsync("工作方案.pdf");

        var reply = page.GetByTestId("notice").Locator("form");
        await reply.Locator("textarea").FillAsync("已报送，见进展报告。");
        await reply.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Expect(page.GetByTestId("notice-reply")).ToContainTextAsync("已报送，见进展报告。");
    });

    [GeneratedRegex("/plans/tasks/[0-9]+$")]
    private static partial Regex TaskPage();

    [GeneratedRegex("/plans/[0-9]+$")]
    private static partial Regex PlanPage();
}
