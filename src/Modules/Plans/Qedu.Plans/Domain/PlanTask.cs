using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;

namespace Qedu.Plans.Domain;

/// <summary>
/// One numbered task of a plan: what is to be done, by whom (<see cref="TaskUnit"/>), by when, with its milestones and
/// targets. "Done" is the plan owner's acceptance (<see cref="AcceptedAt"/>); every other status is computed from dates and
/// reports (<see cref="TaskStatusRules"/>), never stored, so it cannot go stale.
/// </summary>
[ScopedWrite(Permissions.PlansManage)]
internal sealed class PlanTask : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long PlanId { get; set; }
    public long? SectionId { get; set; }

    /// <summary>As printed; "30、31" for a merged row.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public string Text { get; set; } = "";

    /// <summary>The deadline as printed ("2020年12月", "长期"), and its last day when it names one.</summary>
    public string? DeadlineText { get; set; }
    [AuditedValue]
    public DateOnly? DueOn { get; set; }

    /// <summary>Lines of the task table's columns (one item per line).</summary>
    public string Policies { get; set; } = "";
    public string Measures { get; set; } = "";
    public string ExpectedEffects { get; set; } = "";
    public int SortOrder { get; set; }

    [AuditedValue]

    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public long Revision { get; set; }
}

internal enum UnitRole
{
    Lead = 1,
    Participating = 2,
}

/// <summary>
/// A unit named on a task. <see cref="UnitId"/> is the org unit it was matched to (a department, a district bureau, the
/// bureau itself); null for a body outside the education system (市财政局) or a name no one has mapped yet
/// (<see cref="Matched"/> false). A group ("各区市教育局") stands for every unit of <see cref="GroupKind"/>.
/// </summary>
[ScopedWrite(Permissions.PlansManage)]
internal sealed class TaskUnit : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long TaskId { get; set; }
    public UnitRole Role { get; set; }

    /// <summary>The matched name (the org unit's, or the printed one when nothing matched).</summary>
    public required string Name { get; set; }

    /// <summary>The name as the document printed it: the key of a remembered mapping.</summary>
    public required string PrintedName { get; set; }
    public int? UnitId { get; set; }
    public bool Matched { get; set; }
    public bool IsGroup { get; set; }
    public Qedu.Kernel.OrgUnits.OrgUnitKind? GroupKind { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A yearly node of a task ("2016年, 完成…"): due at the end of its year, done when the owner accepts it.</summary>
[ScopedWrite(Permissions.PlansManage)]
internal sealed class TaskMilestone : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long TaskId { get; set; }
    public int Year { get; set; }
    public required string Text { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>
/// A quantitative target ("到2020年…达到98%"). Its current value comes with progress reports until the indicators
/// module computes it; <see cref="IndicatorCode"/> is where that binding will live.
/// </summary>
[ScopedWrite(Permissions.PlansManage)]
internal sealed class TaskTarget : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long TaskId { get; set; }
    public required string Text { get; set; }
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";

    /// <summary>"&gt;=", "&lt;=" or "=".</summary>
    public string Comparator { get; set; } = ">=";
    public int? Year { get; set; }
    /// <summary>The indicator that measures this target, and the org unit whose value counts (the plan's bureau when null).</summary>
    public string? IndicatorCode { get; set; }
    public int? IndicatorOrgUnitId { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Whether <paramref name="value"/> meets the target.</summary>
    public bool IsMetBy(decimal value) => Comparator switch
    {
        "<=" => value <= Value,
        "=" => value == Value,
        _ => value >= Value,
    };
}
