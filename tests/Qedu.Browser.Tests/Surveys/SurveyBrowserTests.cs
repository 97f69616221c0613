using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Kernel.Secrets;
using Qedu.Surveys.Data;
using Qedu.Surveys.DemoData;
using Qedu.Surveys.Domain;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Surveys;

/// <summary>
/// Satisfaction surveys in a real browser: a pupil answers a one-time link on a phone (390 px) and cannot answer twice;
/// the city reads the demo parents' survey, small schools withheld, the dimensions drawn, the comments there.
/// </summary>
public sealed class SurveyBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_pupil_answers_a_one_time_link_on_a_phone_and_it_is_spent() => RunAsync(async page =>
    {
        var code = SecretCodes.NewCode();
        await Host.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<SurveysDb>();
            var survey = await db.Surveys.SingleAsync(s => s.Code == SurveysDemoSeedStep.OpenCode);
            var school = await db.Schools.Where(s => s.SurveyId == survey.Id).Select(s => s.SchoolId).FirstAsync();
            db.Tokens.Add(new SurveyToken { SurveyId = survey.Id, SchoolId = school, Hash = SecretCodes.Hash(code), IssuedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        await page.GotoAsync($"/survey/{SecretCodes.Display(code)}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("学生满意度调查");
        await AssertFitsAsync(page, "the questionnaire");
        var items = page.GetByTestId("survey-form").Locator("fieldset");
        var count = await items.CountAsync();
        Assert.True(count >= 5, "the demo pupils' questionnaire has its items");
        // Submitting with nothing chosen names every five-point item.
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("respond-error")).ToBeVisibleAsync();
        for (var i = 0; i < count; i++)
        {
            var choice = items.Nth(i).GetByText("满意", new() { Exact = true });
            if (await choice.CountAsync() == 1)
            {
                var box = (await choice.BoundingBoxAsync())!;
                Assert.True(box.Height >= 44, "each choice is a thumb's size");
                await choice.ClickAsync();
            }
        }
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("submitted")).ToBeVisibleAsync();

        await page.GotoAsync($"/survey/{SecretCodes.Display(code)}");
        await Expect(page.GetByTestId("link-state")).ToContainTextAsync("已经提交过");
        await AssertFitsAsync(page, "a spent link");
    }, viewport: Phone);

    [Fact]
    public Task The_city_reads_the_demo_parents_survey_with_small_schools_withheld() => RunAsync(async page =>
    {
        await SignInAsync(page, "city.admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "满意度评价", Exact = true }).ClickAsync();
        await page.GetByTestId("surveys").GetByRole(AriaRole.Link, new() { Name = "2026年秋季家长满意度调查（演示）" }).ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("已结束");
        var rows = page.GetByTestId("units").GetByTestId("unit-row");
        await Expect(rows.First).ToHaveAttributeAsync("data-level", "whole");
        Assert.True(await page.Locator("[data-testid=unit-row][data-withheld=few]").CountAsync() >= 1, "the demo has schools with fewer than ten answers");
        await Expect(page.Locator("[data-testid=chart-dimensions] svg")).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("comments").Locator("li").CountAsync() >= 1, "comments are there once closed");
        await Expect(page.GetByTestId("close-form")).ToHaveCountAsync(0);
    });
}
