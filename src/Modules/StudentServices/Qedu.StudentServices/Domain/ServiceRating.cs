using Qedu.Kernel.Access;

namespace Qedu.StudentServices.Domain;

/// <summary>
/// An applicant's rating (好差评) of a finished change, 1 (very poor) to 5 (very good), once per change. A rating of 1 or 2
/// opens a <see cref="RatingCase"/>. Counted at the student's school when the change was asked for, like the change.
/// </summary>
internal sealed class ServiceRating
{
    public long Id { get; set; }
    public long ChangeId { get; set; }

    /// <summary>The catalogue item the change ran under (figures per item).</summary>
    public string? ServiceCode { get; set; }

    public int SchoolId { get; set; }
    public int? DistrictId { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset RatedAt { get; set; }
    public DateOnly RatedOn { get; set; }
}

/// <summary>
/// A poor rating (1 or 2) the responsible unit must answer within <see cref="LimitDays"/> working days (差评回访): the
/// district bureau of the student's school, the implementing body of the 学籍 items (the school itself where it has no
/// district). Scoped by that unit: its reviewers see and answer it; the applicant reads the answer on the change.
/// </summary>
[ScopedWrite(Permissions.StatusChangesReview)]
internal sealed class RatingCase : IOrgScoped
{
    /// <summary>Working days to answer a poor rating, from the day after it was given.</summary>
    public const int AnswerDays = 5;

    public long Id { get; set; }
    public long RatingId { get; set; }
    public long ChangeId { get; set; }
    public int OrgUnitId { get; set; }
    public DateOnly OpenedOn { get; set; }
    public int LimitDays { get; set; } = AnswerDays;
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public int Revision { get; set; }
}
