using System.Net;
using System.Text.RegularExpressions;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Plans;

/// <summary>
/// The plans module's lines on the home page: a draft plan for its owner to review, the overdue tasks of the plans the
/// owner manages, and for the unit named on the tasks its overdue tasks and the 督办单 it must answer, each a link
/// to its page. Other tests publish plans too, so this looks for its own lines and kinds, never for counts.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class PlanWorkItemsTests(WebApp app)
{
    [Fact]
    public async Task Plans_to_review_overdue_tasks_and_notices_to_answer_are_on_the_home_pages_of_those_who_must_act()
    {
        var owner = await app.ClientAsync("city.admin");
        var department = await app.ClientAsync("jjc.staff");

        // Imported, not yet published: the owner reviews it; the department does not see it yet.
        var plan = await PlanFiles.ImportAsync(owner, PlanFiles.Seed("001"), "001.txt");
        Assert.Contains(("PlanReview", $"/plans/{plan}"), await WorkAsync(owner));
        Assert.DoesNotContain(await WorkAsync(department), i => i.Kind == "PlanReview");

        // Published: seed 001 (2018) is long overdue, for the owner (one line to the overdue list) and for 基教处.
        using (var published = await owner.PostAsync($"/api/plans/{plan}/publish", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        }
        var ownerWork = await WorkAsync(owner);
        Assert.DoesNotContain(("PlanReview", $"/plans/{plan}"), ownerWork);
        Assert.Contains(("TaskOverdue", "/plans/overdue"), ownerWork);
        Assert.Contains(await WorkAsync(department), i => i.Kind == "TaskOverdue" && (i.Href == "/plans/mine" || i.Href.StartsWith("/plans/tasks/", StringComparison.Ordinal)));

        // A 督办单 to 基教处: on its home page until answered, one click to the task.
        var task = (await PlanFiles.TaskElementsAsync(owner, plan))["22"];
        var taskId = task.GetProperty("id").GetInt64();
        var jjc = (await (await owner.GetAsync($"/api/plans/tasks/{taskId}")).JsonAsync()).GetProperty("summary").GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("name").GetString() == "基教处").GetProperty("unitId").GetInt32();
        var replyBy = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var sent = await owner.PostAsync($"/api/plans/tasks/{taskId}/notices", Http.Json(new { unitId = jjc, text = "请说明逾期原因。", replyBy })))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }
        var departmentWork = await WorkAsync(department);
        Assert.Contains(("NoticeToAnswer", $"/plans/tasks/{taskId}"), departmentWork);

        // Every line opens its page.
        foreach (var (_, href) in departmentWork.Concat(ownerWork).Distinct())
        {
            using var target = await (ownerWork.Any(i => i.Href == href) ? owner : department).GetAsync(href);
            Assert.True(target.StatusCode == HttpStatusCode.OK, $"{href}: {(int)target.StatusCode}");
        }
    }

    private static async Task<List<(string Kind, string Href)>> WorkAsync(HttpClient client) =>
        [.. WorkLine().Matches(await client.GetStringAsync("/")).Select(m => (m.Groups["kind"].Value, WebUtility.HtmlDecode(m.Groups["href"].Value)))];

    [GeneratedRegex("data-testid=\"work-item\" data-kind=\"(?<kind>\\w+)\"[^>]*>\\s*<span[^>]*>[^<]*</span>\\s*<a href=\"(?<href>[^\"]*)\"")]
    private static partial Regex WorkLine();
}
