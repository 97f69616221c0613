using Qedu.Kernel.Access;

namespace Qedu.Plans.Domain;

/// <summary>
/// A progress report on a task (or one of its milestones) from a unit named on it: what was done, the figures reached
/// against the task's targets, evidence files. The lead unit reports; participating units contribute.
/// </summary>
[ScopedWrite(Permissions.PlansReport)]
internal sealed class ProgressReport : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long TaskId { get; set; }
    public long? MilestoneId { get; set; }

    /// <summary>The reporting unit (a department or district bureau) and whether it leads the task.</summary>
    public int ReportingUnitId { get; set; }
    public bool IsLead { get; set; }
    public required string Text { get; set; }

    /// <summary>Set when the reporter says the task (or milestone) is complete; the owner then accepts it or not.</summary>
    public bool ClaimsDone { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public required string ReportedBy { get; set; }
}

/// <summary>A figure in a report: the current value of one of the task's targets.</summary>
[ScopedWrite(Permissions.PlansReport)]
internal sealed class ReportFigure : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ReportId { get; set; }
    public long TargetId { get; set; }
    public decimal Value { get; set; }
}

/// <summary>An evidence file attached to a report, kept in the database (bounded in size) so a backup holds everything.</summary>
[ScopedWrite(Permissions.PlansReport)]
internal sealed class Evidence : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ReportId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>
/// 督办单: the plan owner tells a unit to act on a task and reply by a date. The unit's reply closes it. Both sides write
/// the row (the owner sends, the unit replies), so the write permission is the common plans.read and the use case
/// checks who may do what.
/// </summary>
[ScopedWrite(Permissions.PlansRead)]
internal sealed class SupervisionNotice : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long TaskId { get; set; }
    public int ToUnitId { get; set; }
    public required string Text { get; set; }
    public DateOnly ReplyBy { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public required string SentBy { get; set; }
    public string? ReplyText { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public string? RepliedBy { get; set; }
}

/// <summary>
/// A printed unit name someone mapped by hand, remembered per bureau so the next import matches it at once
/// (e.g. "市教育装备中心" → 教育装备与信息中心). <see cref="UnitId"/> null means "outside the education system, keep the name".
/// </summary>
[ScopedWrite(Permissions.PlansManage)]
internal sealed class UnitMapping : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string PrintedKey { get; set; }
    public required string PrintedName { get; set; }
    public required string Name { get; set; }
    public int? UnitId { get; set; }
}
