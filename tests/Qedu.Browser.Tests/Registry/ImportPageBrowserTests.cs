using System.Text;
using Microsoft.Playwright;
using Qedu.Kernel.DemoCity;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Registry;

public sealed class ImportPageBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Header = "学校标识码,班级代码,班级名称,年级,入学年份,班主任教职工号\n";

    private static FilePayload Csv(string name, string body) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Header + body) };

    [Fact]
    public Task A_school_admin_imports_classes_sees_the_problems_of_a_bad_file_then_loads_a_good_one() => RunAsync(async page =>
    {
        await SignInAsync(page, "school.admin");
        // Through the navigation (an enhanced page update, which runs no page scripts): the shell's script must bind anyway.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "main" }).GetByRole(AriaRole.Link, new() { Name = "学籍数据导入", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("学籍数据导入");

        var form = page.GetByTestId("import-form");
        await form.Locator("select[name=kind]").SelectOptionAsync("classes");
        var school = DemoCityGenerator.AnchorSchoolCode;
        await form.Locator("input[type=file]").SetInputFilesAsync(Csv("坏文件.csv", $"{school},UI-BAD-1,界面坏班,P9,2026,\n{school},UI-BAD-2,,P1,2026,\n"));
        await form.GetByRole(AriaRole.Button, new() { Name = "开始导入" }).ClickAsync();

        var errors = page.GetByTestId("import-errors");
        await Expect(errors.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(errors.Locator("tbody tr").First).ToContainTextAsync("坏文件.csv");
        await Expect(errors.Locator("tbody tr").First).ToContainTextAsync("P9");
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("发现 2 个错误，未写入任何数据");
        await Expect(page.GetByTestId("import-report-download")).ToBeVisibleAsync();

        var code = $"UI-{Guid.NewGuid():N}"[..10];
        await form.Locator("input[type=file]").SetInputFilesAsync(Csv("好文件.csv", $"{school},{code},界面导入班,P1,2026,\n"));
        await form.GetByRole(AriaRole.Button, new() { Name = "开始导入" }).ClickAsync();

        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("导入完成");
        await Expect(page.GetByTestId("import-progress")).ToHaveAttributeAsync("value", "1");

        // The class is there: the school's class list shows it.
        await page.GotoAsync($"/registry/classes?school={school}");
        await Expect(page.GetByTestId("classes")).ToContainTextAsync(code);
    });

    [Fact]
    public Task The_untouched_template_imports_nothing_and_the_page_says_its_example_row_was_skipped() => RunAsync(async page =>
    {
        await SignInAsync(page, "school.admin");
        await page.GotoAsync("/registry/import");
        // The template as the page's link gives it, uploaded back unchanged: its example row must not become a class.
        var template = await page.APIRequest.GetAsync("/api/registry/templates/classes?format=csv");
        Assert.True(template.Ok, $"template: {template.Status}");
        var form = page.GetByTestId("import-form");
        await form.Locator("select[name=kind]").SelectOptionAsync("classes");
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "模板.csv", MimeType = "text/csv", Buffer = await template.BodyAsync() });
        await form.GetByRole(AriaRole.Button, new() { Name = "开始导入" }).ClickAsync();

        await Expect(page.GetByTestId("import-notices")).ToContainTextAsync("第 2 行是导入模板的示例行，已跳过");
        await Expect(page.GetByTestId("import-result")).Not.ToContainTextAsync("错误");
    });
}
