using Qedu.Plans.Domain;
using Qedu.Plans.Tasks;

namespace Qedu.Plans.Features.Supervision;

public sealed record MilestoneLine(long Id, int Year, string Text, DateOnly DueOn, SupervisionStatus Status);

/// <summary>A task in the supervision lists: its plan, deadline, status, units and milestones.</summary>
public sealed record TaskLine(
    long Id, long PlanId, string PlanTitle, string Number, string Title, string? DeadlineText, DateOnly? DueOn,
    SupervisionStatus Status, IReadOnlyList<AssignedUnit> Units, IReadOnlyList<MilestoneLine> Milestones, DateTimeOffset? LastReportAt);

public enum ReminderKind
{
    /// <summary>The task's deadline is near or past.</summary>
    Task,
    Milestone,

    /// <summary>A 督办单 waits for the unit's reply.</summary>
    Notice,

    /// <summary>A 整改 item waits for the unit's fix.</summary>
    Rectification,
}

/// <summary>Something a unit must act on by a date: computed from the rules each time, never stored. DaysLeft &lt; 0: late.</summary>
public sealed record Reminder(
    ReminderKind Kind, int UnitId, string UnitCode, string Unit, long TaskId, string TaskNumber, string TaskTitle, string Text,
    DateOnly DueOn, int DaysLeft);

/// <summary>The caller's unit, its tasks (lead and participating) and what is due.</summary>
internal sealed record MyTasks(int UnitId, string UnitCode, string UnitName, IReadOnlyList<TaskLine> Tasks, IReadOnlyList<Reminder> Reminders)
{
    public bool IsLead(TaskLine task) => task.Units.Any(u => u.Id == UnitId && u.IsLead);
}

/// <summary>One unit's tasks by status, over the plans the caller owns.</summary>
internal sealed record WorkloadRow(int UnitId, string UnitCode, string UnitName, IReadOnlyDictionary<SupervisionStatus, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();
    public int Count(SupervisionStatus status) => ByStatus.GetValueOrDefault(status);
}

/// <summary>A task, or one of its milestones, past its date and not accepted.</summary>
internal sealed record OverdueLine(
    long TaskId, long PlanId, string PlanTitle, string TaskNumber, string TaskTitle, long? MilestoneId, string? MilestoneText,
    DateOnly DueOn, int DaysOverdue, IReadOnlyList<AssignedUnit> Units);
