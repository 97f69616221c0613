using Qedu.Kernel.Access;

namespace Qedu.Inspection.Domain;

/// <summary>
/// 责任督学挂牌督导: the inspector responsible for a school, from a date (to a date when replaced). One current assignment
/// per school, kept by a filtered unique index; the district (inspection.manage) assigns.
/// </summary>
internal sealed class InspectorAssignment : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The school.</summary>
    public int OrgUnitId { get; set; }
    public Guid InspectorUserId { get; set; }
    public required string InspectorName { get; set; }
    public DateOnly AssignedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public required string AssignedBy { get; set; }
}

internal enum VisitKind
{
    /// <summary>经常性督导: the responsible inspector's regular visit.</summary>
    Routine,

    /// <summary>专项督导: a visit on one subject (homework, after-school care, safety).</summary>
    Special,

    /// <summary>回头看: a return to see that earlier findings stayed put right.</summary>
    FollowUp,
}

/// <summary>An inspector's visit to a school with its report; each finding is a rectification in the shared module.</summary>
internal sealed class Visit : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }

    /// <summary>The district (or city) the inspector visits for: the unit that verifies the findings' fixes.</summary>
    public int InspectorUnitId { get; set; }
    public VisitKind Kind { get; set; }
    public DateOnly VisitedOn { get; set; }
    public required string Topic { get; set; }
    public required string Report { get; set; }
    public int Findings { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

internal sealed class VisitFinding : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long VisitId { get; set; }
    public required string Text { get; set; }
    public bool Serious { get; set; }
    public long? RectificationId { get; set; }
}

/// <summary>An evaluation of a school or a district's government against a scheme for a year, scored indicator by indicator.</summary>
internal sealed class Evaluation : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The unit evaluated.</summary>
    public int OrgUnitId { get; set; }
    public int EvaluatorUnitId { get; set; }
    public required string SchemeCode { get; set; }
    public int Year { get; set; }

    /// <summary>The weighted total once every indicator is scored (0–100), and its level.</summary>
    public decimal? Total { get; set; }
    public string? Level { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class EvaluationScore : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long EvaluationId { get; set; }
    public required string IndicatorCode { get; set; }
    public decimal Score { get; set; }
    public required string Evidence { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
    public required string ScoredBy { get; set; }
}

internal enum ExpertKind
{
    /// <summary>An expert (专家库): a person who takes part in evaluations.</summary>
    Expert,

    /// <summary>A third-party evaluation agency (第三方评价机构库).</summary>
    Agency,
}

/// <summary>An entry of a bureau's expert and third-party library, scoped by the bureau that keeps it.</summary>
internal sealed class Expert : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public ExpertKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Field { get; set; }
    public required string Organisation { get; set; }
    public bool Active { get; set; } = true;
}
