using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Exams.Data;
using Qedu.Exams.DemoData;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Exams;

/// <summary>
/// The demo parent on a phone (390 px): from the parent's hub to their child's score report in the exam the demo city
/// released, every subject's score, grade and band on a page that does not scroll sideways, and the PDF to keep; the
/// exam not yet released is not there.
/// </summary>
public sealed class ScoreReportBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task The_demo_parent_reads_their_childs_released_results_on_a_phone_and_downloads_the_report() => RunAsync(async page =>
    {
        var (released, unreleased) = await Host.AsSystemAsync(async sp =>
        {
            var exams = await sp.GetRequiredService<ExamsDb>().Exams.ToListAsync();
            return (exams.Single(e => e.Code == ExamsDemoSeedStep.PriorCode), exams.Single(e => e.Code == ExamsDemoSeedStep.CurrentCode));
        });
        Assert.NotNull(released.ReleasedAt);

        await page.GotoAsync("/parent/login");
        await EnterParentCodeAsync(page, DemoAccounts.ParentPhone);
        await page.GetByRole(AriaRole.Link, new() { Name = "成绩报告单" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("成绩报告单");
        var card = page.GetByTestId("score-reports").Locator("li.card");
        await Expect(card).ToHaveCountAsync(unreleased.ReleasedAt is null ? 1 : 2);
        var report = card.Filter(new() { HasText = released.Name });
        // Five subjects and the total, each with a grade and a band, never a rank.
        await Expect(report.Locator("tbody tr")).ToHaveCountAsync(6);
        await Expect(report.Locator("tbody tr").Last).ToContainTextAsync("总分");
        await Expect(report.Locator("thead th")).ToHaveTextAsync(["科目", "成绩", "等级", "位置段"]);
        await AssertFitsAsync(page, "the score reports");

        var link = report.GetByTestId("report-pdf");
        var box = (await link.BoundingBoxAsync())!;
        Assert.True(box.Height >= 44, "the download is a thumb's size");
        var pdf = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.True(pdf.Ok, await pdf.TextAsync());
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 4), StringComparison.Ordinal);
    }, viewport: Phone);
}
