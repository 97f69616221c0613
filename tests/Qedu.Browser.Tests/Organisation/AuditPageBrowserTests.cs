using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Organisation;

/// <summary>The audit page as the demo auditor uses it: filter by action, read names and labels, export what is shown.</summary>
public sealed class AuditPageBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task The_auditor_filters_sign_ins_reads_names_and_labels_and_exports_them() => RunAsync(async page =>
    {
        await SignInAsync(page, "auditor");
        await page.GotoAsync("/audit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("审计日志");

        await page.GetByTestId("audit-action-filter").SelectOptionAsync(new SelectOptionValue { Label = "登录" });
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("action=auth\\.sign-in"));

        // Every line is a sign-in, labelled as one; the auditor's own is there under her name.
        var actions = page.GetByTestId("audit-action");
        await Expect(actions.First).ToHaveTextAsync("登录");
        foreach (var text in await actions.AllInnerTextsAsync())
        {
            Assert.Equal("登录", text.Trim());
        }
        await Expect(page.GetByTestId("audit-actor").Filter(new() { HasText = "孙立（auditor）" }).First).ToBeVisibleAsync();
        var time = page.Locator("table[data-testid=audit] td.nowrap").First;
        Assert.Equal("nowrap", await time.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
        Assert.DoesNotContain("PasswordHash", await page.ContentAsync(), StringComparison.Ordinal);

        // The export takes the same filter (fetched with the page's session, as the link would).
        var href = await page.GetByTestId("audit-export").GetAttributeAsync("href");
        Assert.StartsWith("/api/audit/export.csv?", href, StringComparison.Ordinal);
        Assert.Contains("action=auth.sign-in", href, StringComparison.Ordinal);
        var export = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, export.Status);
        var csv = System.Text.Encoding.UTF8.GetString(await export.BodyAsync());
        Assert.StartsWith("序号,时间,操作人,操作", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("孙立（auditor）", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("退出登录", csv, StringComparison.Ordinal);
    });
}
