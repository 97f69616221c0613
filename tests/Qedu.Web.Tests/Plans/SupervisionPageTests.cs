using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Plans.Data;
using Qedu.Web.Tests.Infrastructure;
using Qedu.Testing;

namespace Qedu.Web.Tests.Plans;

/// <summary>The supervision pages as a browser gets them: the task page's report form with a file, the lists.</summary>
[Collection(WebCollection.Name)]
public sealed class SupervisionPageTests(WebApp app)
{
    [Fact]
    public async Task A_department_reports_through_the_task_page_with_a_file_and_the_owner_sees_it_red()
    {
        var owner = await app.ClientAsync("city.admin");
        var department = await app.ClientAsync("jjc.staff");
        var tasks = await PlanFiles.TasksAsync(owner, await PlanFiles.PublishedAsync(owner, PlanFiles.Seed("001"), "001.txt"));
        var overdue = tasks["22"];
        var target = await app.AsSystemAsync(sp => sp.GetRequiredService<PlansDb>().Targets.Where(x => x.TaskId == overdue).OrderBy(x => x.SortOrder).Select(x => x.Id).FirstAsync());

        var page = WebUtility.HtmlDecode(await department.GetStringAsync($"/plans/tasks/{overdue}"));
        Assert.Contains("status-overdue", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"report-form\"", page, StringComparison.Ordinal);

        var (token, _) = await QeduApp.FormAsync(department, $"/plans/tasks/{overdue}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("report"), "_handler" },
            { new StringContent("已完成 80% 学校的标准化改造。"), "Report.Text" },
            { new StringContent(target.ToString()), "Report.Figures[0].TargetId" },
            { new StringContent("99.2"), "Report.Figures[0].Value" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("学校,完成情况\n市南区实验小学,已完成\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Report.Files", "完成清单.csv");
        using var posted = await department.PostAsync($"/plans/tasks/{overdue}", form);
        Assert.True(posted.IsRedirect(), $"{(int)posted.StatusCode}: {Http.Snippet(WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), 2000)}");

        var seen = WebUtility.HtmlDecode(await owner.GetStringAsync($"/plans/tasks/{overdue}"));
        Assert.Contains("已完成 80% 学校的标准化改造。", seen, StringComparison.Ordinal);
        Assert.Contains("完成清单.csv", seen, StringComparison.Ordinal);
        Assert.Contains("99.2", seen, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"notice-form\"", seen, StringComparison.Ordinal);

        var overdueList = WebUtility.HtmlDecode(await owner.GetStringAsync("/plans/overdue"));
        Assert.Contains($"data-task=\"{overdue}\"", overdueList, StringComparison.Ordinal);
        var mine = WebUtility.HtmlDecode(await department.GetStringAsync("/plans/mine"));
        Assert.Contains($"data-task=\"{overdue}\"", mine, StringComparison.Ordinal);
        var workload = WebUtility.HtmlDecode(await owner.GetStringAsync("/plans/workload"));
        Assert.Contains("data-unit=\"370200-JJC\"", workload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_form_without_text_shows_the_message_and_writes_nothing()
    {
        var owner = await app.ClientAsync("city.admin");
        var department = await app.ClientAsync("jjc.staff");
        var tasks = await PlanFiles.TasksAsync(owner, await PlanFiles.PublishedAsync(owner, PlanFiles.Seed("001"), "001.txt"));
        var open = tasks["18"];
        var (token, _) = await QeduApp.FormAsync(department, $"/plans/tasks/{open}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("report"), "_handler" },
            { new StringContent(""), "Report.Text" },
        };
        using var posted = await department.PostAsync($"/plans/tasks/{open}", form);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.True(posted.StatusCode == HttpStatusCode.OK, app.ServerErrors.All.LastOrDefault()?.ToString() ?? Http.Snippet(html, 3000));
        Assert.Contains("data-field=\"text\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<PlansDb>().Reports.CountAsync(r => r.TaskId == open)));
    }
}
