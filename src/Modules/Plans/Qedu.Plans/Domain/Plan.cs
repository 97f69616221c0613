using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;

namespace Qedu.Plans.Domain;

internal enum PlanState
{
    /// <summary>Imported and under review: only the plan's owners see it; departments do not yet.</summary>
    Draft = 1,

    /// <summary>Published: its tasks are assigned and supervised.</summary>
    Active = 2,

    /// <summary>Finished or replaced: kept for the record, no longer supervised.</summary>
    Closed = 3,
}

/// <summary>
/// A bureau's plan (规划, 实施方案, 工作要点): the document's header and its tree of sections and tasks. It belongs to the
/// bureau that owns it (<see cref="OrgUnitId"/>); every row under it carries the same org unit, so the scope filter
/// applies to all of them without a join.
/// </summary>
[ScopedWrite(Permissions.PlansManage)]
internal sealed class Plan : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    [AuditedValue]
    public required string Title { get; set; }

    /// <summary>The issuing bodies as printed, joined by "、".</summary>
    public string Issuer { get; set; } = "";
    public string? DocumentNumber { get; set; }

    /// <summary>The document's date as printed in the contract: "YYYY-MM-DD", or null.</summary>
    public string? IssuedOn { get; set; }
    [AuditedValue]
    public PlanState State { get; set; } = PlanState.Draft;
    public string? SourceFileName { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string? ImportedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public long Revision { get; set; }
}

/// <summary>A numbered heading of a plan ("一、", "（二）") with its place in the tree.</summary>
[ScopedWrite(Permissions.PlansManage)]
internal sealed class PlanSection : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long PlanId { get; set; }
    public long? ParentId { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public int SortOrder { get; set; }
}
