using Qedu.Kernel.Access;

namespace Qedu.Teachers.Domain;

/// <summary>The annual ethics review's grades (师德考核: 优秀, 合格, 基本合格, 不合格).</summary>
internal enum EthicsGrade
{
    Excellent = 1,
    Qualified = 2,
    BasicallyQualified = 3,
    Unqualified = 4,
}

/// <summary>Why a teacher is barred (一票否决).</summary>
internal enum EthicsBarReason
{
    /// <summary>A confirmed 不合格 annual review.</summary>
    UnqualifiedReview = 1,

    /// <summary>A report on the public channel concluded as upheld.</summary>
    UpheldReport = 2,
}

/// <summary>
/// A teacher's annual ethics review: graded by the school, confirmed by the bureau above it. Until confirmed the school
/// may change it; once confirmed it stands, and a 不合格 bars the teacher for the rules' months.
/// </summary>
internal sealed class EthicsReview : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StaffId { get; set; }
    public int Year { get; set; }
    public EthicsGrade Grade { get; set; }
    public string? Comment { get; set; }
    public required string ReviewedBy { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public long Revision { get; set; }
}

/// <summary>
/// A bar in force from a day to a day (一票否决): no promotion, no award (backbone, honour, studio) and no certificate
/// registration while it lasts. Written by the confirmation of a 不合格 review or an upheld report, never by hand.
/// </summary>
internal sealed class EthicsBar : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StaffId { get; set; }
    public EthicsBarReason Reason { get; set; }

    /// <summary>What raised it: the review's year, or the report's number.</summary>
    public required string Source { get; set; }
    public DateOnly From { get; set; }

    /// <summary>The last day it is in force.</summary>
    public DateOnly To { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
