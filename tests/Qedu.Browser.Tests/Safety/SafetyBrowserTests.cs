using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Safety;

/// <summary>
/// A hazard from finding to verification, in the pages: 市南区's inspector records a failed item at a school; the school's
/// administrator reports it fixed with a photo; the inspector verifies the fix, which then waits for its 回头看.
/// </summary>
public sealed class SafetyBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // The smallest PNG there is: the photo of the fix.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_inspector_records_a_failed_item_the_school_fixes_it_with_a_photo_and_the_inspector_verifies()
    {
        var code = await Host.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<Qedu.Kernel.OrgUnits.OrgTree>();
            var district = (await tree.FindAsync("370202"))!;
            var schools = await tree.BelowPastScopeAsync(district.Id, Qedu.Kernel.OrgUnits.OrgUnitKind.School);
            return schools.Select(s => s.Code).Where(c => c != DemoCityGenerator.AnchorSchoolCode).Order(StringComparer.Ordinal).Last();
        });
        var admin = $"safety.{Guid.NewGuid().ToString("N")[..6]}";
        await Host.CreateAccountAsync(admin, Qedu.Kernel.Access.Roles.SchoolAdmin, code);
        const string note = "体育馆北侧安全出口被器材堵塞。";

        await RunAsync(async page =>
        {
            await SignInAsync(page, "shinan.inspector");
            await page.GotoAsync($"/safety/inspections/new?school={code}");
            var form = page.GetByTestId("inspection-form");
            await Expect(form.GetByTestId("kind")).ToHaveValueAsync("District");
            await form.GetByTestId("fail-fire.exits").CheckAsync();
            await form.GetByTestId("note-fire.exits").FillAsync(note);
            await form.GetByTestId("record").ClickAsync();
            var finding = page.GetByTestId("findings").Locator("[data-item='fire.exits']");
            await Expect(finding).ToContainTextAsync(note);
            var hazard = await finding.GetByTestId("hazard-link").GetAttributeAsync("href");
            Assert.StartsWith("/rectifications/", hazard);

            // The school's administrator, in a browser of their own, reports the fix with a photo.
            await using var school = await Host.Browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString() });
            var desk = await school.NewPageAsync();
            await SignInAsync(desk, admin);
            await desk.GotoAsync(hazard!);
            await Expect(desk.GetByTestId("finding")).ToContainTextAsync(note);
            var fix = desk.GetByTestId("fix-form");
            await fix.GetByTestId("fix-text").FillAsync("器材已移至器材室，出口已清空并张贴禁止堆放标识。");
            await fix.GetByTestId("fix-files").SetInputFilesAsync(new FilePayload { Name = "出口.png", MimeType = "image/png", Buffer = Png });
            await fix.GetByTestId("fix").ClickAsync();
            await Expect(desk.GetByTestId("message")).ToHaveTextAsync("已报告整改完成，等待提出单位复核。");
            await Expect(desk.GetByTestId("steps").Locator("[data-kind='Fixed']")).ToContainTextAsync("出口.png");
            await Expect(desk.GetByTestId("verify-form")).ToHaveCountAsync(0);

            // The inspector verifies: the fix is accepted and the hazard waits for its 回头看.
            await page.GotoAsync(hazard!);
            await page.GetByTestId("verify-form").GetByTestId("accept").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已复核通过。");
            await Expect(page.Locator("h1").GetByTestId("state")).ToHaveTextAsync("已复核，待回头看");
            await Expect(page.GetByTestId("steps").Locator("[data-kind='Verified']")).ToHaveCountAsync(1);
        });
    }
}
