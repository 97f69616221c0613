using Qedu.Plans.Domain;

namespace Qedu.Plans.Tests;

/// <summary>The status rules: done, overdue, at risk, on track, not started, and which date counts.</summary>
public sealed class TaskStatusRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static DateTimeOffset DaysAgo(int days) => new(Today.AddDays(-days).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    [Fact]
    public void Accepted_is_done_whatever_the_dates() =>
        Assert.Equal(SupervisionStatus.Done, TaskStatusRules.ForTask(Today, true, Today.AddDays(-100), [Today.AddDays(-50)], null));

    [Fact]
    public void A_passed_deadline_is_overdue_even_with_a_recent_report() =>
        Assert.Equal(SupervisionStatus.Overdue, TaskStatusRules.ForTask(Today, false, Today.AddDays(-1), [], DaysAgo(0)));

    [Fact]
    public void An_open_milestone_past_its_date_makes_the_task_overdue() =>
        Assert.Equal(SupervisionStatus.Overdue, TaskStatusRules.ForTask(Today, false, null, [Today.AddDays(-1), Today.AddDays(300)], DaysAgo(1)));

    [Fact]
    public void Due_today_is_not_yet_overdue() =>
        Assert.Equal(SupervisionStatus.AtRisk, TaskStatusRules.ForTask(Today, false, Today, [], null));

    [Theory]
    [InlineData(TaskStatusRules.RiskWindowDays, null, SupervisionStatus.AtRisk)]
    [InlineData(TaskStatusRules.RiskWindowDays + 1, null, SupervisionStatus.NotStarted)]
    [InlineData(10, 5, SupervisionStatus.OnTrack)]
    [InlineData(10, TaskStatusRules.RiskWindowDays, SupervisionStatus.AtRisk)]
    [InlineData(100, TaskStatusRules.RiskWindowDays + 10, SupervisionStatus.OnTrack)]
    public void Near_a_deadline_without_a_recent_report_is_at_risk(int dueInDays, int? reportedDaysAgo, SupervisionStatus expected) =>
        Assert.Equal(expected, TaskStatusRules.ForTask(Today, false, Today.AddDays(dueInDays), [], reportedDaysAgo is { } d ? DaysAgo(d) : null));

    [Fact]
    public void Without_any_date_a_report_means_on_track()
    {
        Assert.Equal(SupervisionStatus.NotStarted, TaskStatusRules.ForTask(Today, false, null, [], null));
        Assert.Equal(SupervisionStatus.OnTrack, TaskStatusRules.ForTask(Today, false, null, [], DaysAgo(400)));
    }

    [Fact]
    public void A_milestone_follows_the_same_rules()
    {
        Assert.Equal(SupervisionStatus.Done, TaskStatusRules.ForMilestone(Today, true, Today.AddDays(-5), null));
        Assert.Equal(SupervisionStatus.Overdue, TaskStatusRules.ForMilestone(Today, false, Today.AddDays(-5), DaysAgo(1)));
        Assert.Equal(SupervisionStatus.AtRisk, TaskStatusRules.ForMilestone(Today, false, Today.AddDays(5), DaysAgo(60)));
        Assert.Equal(SupervisionStatus.OnTrack, TaskStatusRules.ForMilestone(Today, false, Today.AddDays(5), DaysAgo(2)));
    }

    [Theory]
    [InlineData("2022-12", "2022-12-31")]
    [InlineData("2020", "2020-12-31")]
    [InlineData("2024-02", "2024-02-29")]
    [InlineData("2022-06-30", "2022-06-30")]
    [InlineData(null, null)]
    [InlineData("长期", null)]
    [InlineData("2022-13", null)]
    [InlineData("2023-02-29", null)]
    public void A_deadline_date_ends_on_its_last_day(string? date, string? expected) =>
        Assert.Equal(expected, TaskStatusRules.LastDay(date)?.ToString("yyyy-MM-dd"));
}
