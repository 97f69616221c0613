using System.Text.Json.Serialization;

namespace Qedu.Plans.Domain;

/// <summary>Where a task or milestone stands. Ordered from best to worst, so the worst of several is their maximum.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupervisionStatus>))]
public enum SupervisionStatus
{
    Done = 0,
    OnTrack = 1,
    NotStarted = 2,
    AtRisk = 3,
    Overdue = 4,
}

/// <summary>
/// The status rules, in one place and free of the database so they can be read and tested as rules:
/// done when the owner accepted it; overdue when its deadline (or an open milestone's) has passed; at risk when one
/// falls due within <see cref="RiskWindowDays"/> days and nothing was reported in the last <see cref="RiskWindowDays"/>
/// days; on track once anything was reported; not started otherwise.
/// </summary>
internal static class TaskStatusRules
{
    public const int RiskWindowDays = 30;

    /// <summary>A task's status. <paramref name="openMilestoneDues"/>: the due dates of its milestones not yet accepted.</summary>
    public static SupervisionStatus ForTask(
        DateOnly today, bool accepted, DateOnly? dueOn, IEnumerable<DateOnly> openMilestoneDues, DateTimeOffset? lastReportAt)
    {
        if (accepted)
        {
            return SupervisionStatus.Done;
        }
        var dues = openMilestoneDues.ToList();
        if (dueOn is { } d)
        {
            dues.Add(d);
        }
        return Status(today, dues.Count == 0 ? null : dues.Min(), lastReportAt);
    }

    public static SupervisionStatus ForMilestone(DateOnly today, bool accepted, DateOnly dueOn, DateTimeOffset? lastReportAt) =>
        accepted ? SupervisionStatus.Done : Status(today, dueOn, lastReportAt);

    /// <summary>The next date that counts: the earliest open due date.</summary>
    private static SupervisionStatus Status(DateOnly today, DateOnly? nextDue, DateTimeOffset? lastReportAt)
    {
        if (nextDue is { } due && due < today)
        {
            return SupervisionStatus.Overdue;
        }
        var recent = lastReportAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) > today.AddDays(-RiskWindowDays);
        if (nextDue is { } soon && soon <= today.AddDays(RiskWindowDays) && !recent)
        {
            return SupervisionStatus.AtRisk;
        }
        return lastReportAt is null ? SupervisionStatus.NotStarted : SupervisionStatus.OnTrack;
    }

    /// <summary>The last day of a contract deadline date: "2022-12" → 2022-12-31, "2022" → 2022-12-31, "2022-06-30" as is.</summary>
    public static DateOnly? LastDay(string? date)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return null;
        }
        var parts = date.Split('-');
        if (!int.TryParse(parts[0], out var year) || year is < 1900 or > 2200)
        {
            return null;
        }
        if (parts.Length == 1)
        {
            return new DateOnly(year, 12, 31);
        }
        if (!int.TryParse(parts[1], out var month) || month is < 1 or > 12)
        {
            return null;
        }
        if (parts.Length == 2)
        {
            return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        }
        return int.TryParse(parts[2], out var day) && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }
}
