using Qedu.Kernel.Access;

namespace Qedu.Family.Domain;

/// <summary>
/// A school's after-school care offer (课后服务) for one term: the weekdays and hours, the activities, the grades it takes,
/// its places (<see cref="Enrolled"/> counts them, taken by one conditional update), what a family pays for the term
/// (<see cref="Fee"/>, yuan; a child of a family in hardship pays nothing) and the public subsidy per child
/// (<see cref="Subsidy"/>), and the last day guardians may enrol.
/// </summary>
internal sealed class CareOffer : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }
    public DateOnly TermStarts { get; set; }
    public DateOnly TermEnds { get; set; }
    public DateOnly EnrolUntil { get; set; }

    /// <summary>ISO weekdays (1 Monday … 5 Friday), comma-separated.</summary>
    public required string Weekdays { get; set; }
    public TimeOnly Starts { get; set; }
    public TimeOnly Ends { get; set; }

    /// <summary>Grade codes taken (P1 … P6, J1 … J3), comma-separated.</summary>
    public required string Grades { get; set; }
    public required string Activities { get; set; }
    public int Capacity { get; set; }
    public int Enrolled { get; set; }
    public decimal Fee { get; set; }
    public decimal Subsidy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public IReadOnlyList<int> Days => [.. Weekdays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture))];

    public IReadOnlyList<string> GradeList => Grades.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// A child enrolled in an offer by a guardian (<see cref="ParentAccountId"/>, who may read it back; <see cref="Guid.Empty"/>
/// when the school entered a paper form); withdrawn children keep their row.
/// </summary>
internal sealed class CareEnrolment : IParentOwned
{
    public long Id { get; set; }
    public long OfferId { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public Guid ParentAccountId { get; set; }
    public DateOnly EnrolledOn { get; set; }

    /// <summary>The day a guardian withdrew the child (care is not given from that day on); null while enrolled.</summary>
    public DateOnly? WithdrawnOn { get; set; }
}

/// <summary>Whether an enrolled child came to care on a day, as the register was taken.</summary>
internal sealed class CareAttendance : IOrgScoped
{
    public long Id { get; set; }
    public long OfferId { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public DateOnly Day { get; set; }
    public bool Present { get; set; }
    public required string RecordedBy { get; set; }
}
