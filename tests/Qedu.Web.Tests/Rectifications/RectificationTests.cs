using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Rectifications.Contracts;
using Qedu.Rectifications.Items;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Rectifications;

/// <summary>
/// The shared rectification (整改) on a clock the test sets: overdue after its date, a 回头看 refused before its date and
/// closing the item after; a failed re-check reopens it with a new date. Two fixes reported at once: one is taken.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RectificationTests(WebApp app)
{
    private static readonly DateOnly Today = CityDate.Today(TimeProvider.System);

    /// <summary>A finding on the anchor school raised by 市南区 (as the system), fixed and verified by the given permissions.</summary>
    private Task<long> RaiseAsync(string finding, DateOnly due, DateOnly? recheck, bool evidence = false) => app.AsSystemAsync(async sp =>
    {
        var tree = sp.GetRequiredService<OrgTree>();
        var school = (await tree.FindAsync(Qedu.Kernel.DemoCity.DemoCityGenerator.AnchorSchoolCode))!;
        var district = (await tree.FindAsync("370202"))!;
        var outcome = await sp.GetRequiredService<IRectifications>().RaiseAsync(new RectificationRequest
        {
            SourceKind = "safety.hazard", SourceId = 0, SourceTitle = "测试", SourceUrl = "/safety", RaisedByUnitId = district.Id, ResponsibleUnitId = school.Id,
            Finding = finding, DueOn = due, RecheckOn = recheck, FixPermission = Permissions.SafetyManage, VerifyPermission = Permissions.SafetyInspect,
            FixNeedsEvidence = evidence,
        });
        Assert.True(outcome.IsOk, outcome.Message);
        return outcome.Value;
    });

    /// <summary>The service as the system, on a clock <paramref name="days"/> from today.</summary>
    private Task<T> OnDayAsync<T>(int days, Func<RectificationService, Task<T>> work) => app.AsSystemAsync(sp =>
        work(ActivatorUtilities.CreateInstance<RectificationService>(sp, (TimeProvider)FixedClock.ChinaTime(Today.AddDays(days), 10, 0))));

    [Fact]
    public async Task Overdue_after_its_date_rechecked_on_its_date_and_reopened_when_the_problem_is_back()
    {
        var finding = $"消防通道堵塞 {Guid.NewGuid():N}";
        var id = await RaiseAsync(finding, Today.AddDays(2), Today.AddDays(10));

        Assert.DoesNotContain((await OnDayAsync(0, s => s.ListAsync(new RectificationFilter("overdue")))).Items, i => i.Id == id);
        var late = await OnDayAsync(5, s => s.ListAsync(new RectificationFilter("overdue")));
        Assert.Contains(late.Items, i => i.Id == id && i.Overdue);
        Assert.Contains(late.Units, u => u.Overdue >= 1);

        var fixedOutcome = await OnDayAsync(5, s => s.FixAsync(id, "已清理。", []));
        Assert.True(fixedOutcome.IsOk, $"{fixedOutcome.Kind} {fixedOutcome.Message} {string.Join(",", fixedOutcome.Errors?.ByField.Keys ?? [])}");
        Assert.Equal(RectificationState.Fixed, fixedOutcome.Value);
        Assert.Equal(RectificationState.Verified, (await OnDayAsync(6, s => s.VerifyAsync(id, true, null, null))).Value);
        var early = await OnDayAsync(9, s => s.RecheckAsync(id, true, "复查。", null));
        Assert.Equal(OutcomeKind.Conflict, early.Kind);
        // The problem is back at the 回头看: open again, by a new date, counted as returned.
        var back = await OnDayAsync(10, s => s.RecheckAsync(id, false, "通道再次堆放杂物。", Today.AddDays(15)));
        Assert.Equal(RectificationState.Open, back.Value);
        var detail = (await OnDayAsync(10, s => s.DetailAsync(id)))!;
        Assert.Equal((Today.AddDays(15), 1), (detail.Item.DueOn, detail.Returns));
        Assert.Equal(["Raised", "Fixed", "Verified", "RecheckFailed"], detail.Steps.Select(s => s.Kind));
        Assert.Null(detail.Item.FixedAt);
    }

    [Fact]
    public async Task Two_fixes_reported_at_once_one_is_taken()
    {
        var id = await RaiseAsync($"台账缺失 {Guid.NewGuid():N}", Today.AddDays(5), null);
        var school = await app.ClientAsync("school.admin");
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => school.PostAsJsonAsync($"/api/rectifications/{id}/fix", new { text = $"已补齐 {i}" })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var steps = (await OnDayAsync(0, s => s.DetailAsync(id)))!.Steps;
        Assert.Single(steps, s => s.Kind == "Fixed");
    }
}
