using Qedu.Kernel.Access;

namespace Qedu.Teachers.Domain;

internal enum RotationState
{
    /// <summary>Proposed by the school or the district; may be withdrawn.</summary>
    Proposed = 1,

    /// <summary>Approved by the district; made on its effective day.</summary>
    Approved = 2,

    /// <summary>Made: the registry's staff record is at the new school, with its dated history.</summary>
    Applied = 3,
    Withdrawn = 4,
}

/// <summary>
/// One move of a district's rotation plan for a year (交流轮岗): a member of staff due to rotate, from their school to
/// another of the district, from a day. Scoped by the school they leave, so that school and the district see it.
/// Whether the teacher is a backbone teacher and whether the move goes from an urban to a rural school are kept as they
/// were when proposed: the quota counts them.
/// </summary>
internal sealed class RotationMove : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public int DistrictId { get; set; }
    public int Year { get; set; }
    public long StaffId { get; set; }
    public int ToSchoolId { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public bool Backbone { get; set; }
    public bool UrbanToRural { get; set; }
    public RotationState State { get; set; } = RotationState.Proposed;
    public required string ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public long Revision { get; set; }
}
