using Qedu.Kernel.Access;
using Qedu.Rectifications.Contracts;

namespace Qedu.Rectifications.Domain;

/// <summary>
/// A finding a unit must put right (整改), scoped by the responsible unit: that unit and those above it see it. What it
/// came from is named, not joined (<see cref="SourceKind"/>, <see cref="SourceId"/>): the raising module owns that record.
/// Who may fix and who may verify is the raiser's choice, kept on the row (<see cref="FixPermission"/>,
/// <see cref="VerifyPermission"/>); the use case checks them, so the write guard asks only for a grant over the unit.
/// </summary>
internal sealed class Rectification : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The responsible unit (责任单位).</summary>
    public int OrgUnitId { get; set; }
    public int RaisedByUnitId { get; set; }
    public required string SourceKind { get; set; }
    public long SourceId { get; set; }
    public long? SourceItemId { get; set; }
    public required string SourceTitle { get; set; }
    public required string SourceUrl { get; set; }
    public required string Finding { get; set; }
    public bool Serious { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>The 回头看 date: after verification, the raiser checks again that the fix held.</summary>
    public DateOnly? RecheckOn { get; set; }
    public required string FixPermission { get; set; }
    public required string VerifyPermission { get; set; }

    /// <summary>A fix is reported with at least one photo or scan (a hazard's), not in words alone.</summary>
    public bool FixNeedsEvidence { get; set; }
    public RectificationState State { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public required string RaisedBy { get; set; }

    /// <summary>The latest fix report (the steps keep every one).</summary>
    public string? FixReport { get; set; }
    public DateTimeOffset? FixedAt { get; set; }
    public string? FixedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    /// <summary>Set when a serious finding was escalated: the city unit told at once.</summary>
    public int? EscalatedToUnitId { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>How often a fix was sent back or a re-check found the problem back.</summary>
    public int Returns { get; set; }
}

/// <summary>What happened to a rectification, in order: its dated history (a state column alone would forget).</summary>
internal enum StepKind
{
    Raised,
    Escalated,
    Fixed,
    SentBack,
    Verified,
    RecheckHeld,
    RecheckFailed,
}

internal sealed class RectificationStep : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long RectificationId { get; set; }
    public StepKind Kind { get; set; }
    public string? Text { get; set; }

    /// <summary>A new deadline the step set (a send-back or a failed re-check).</summary>
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}

/// <summary>A photo or scan of a step (the finding, the fix), kept in the kernel's file store by content.</summary>
internal sealed class RectificationFile : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long RectificationId { get; set; }
    public long StepId { get; set; }
    public required string Hash { get; set; }
    public required string FileName { get; set; }
    public required string MediaType { get; set; }
    public long Length { get; set; }
}
