using System.Text.Json.Serialization;
using Qedu.Kernel.Access;

namespace Qedu.Family.Domain;

/// <summary>A member's office on a parent committee.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommitteeRole>))]
internal enum CommitteeRole
{
    /// <summary>主任: one per committee.</summary>
    Chair = 1,

    /// <summary>副主任.</summary>
    ViceChair = 2,

    /// <summary>委员.</summary>
    Member = 3,
}

/// <summary>
/// A parent committee (家长委员会, 001-34, 003-29) of a school, or of one of its classes, for a school year (September to
/// August: <see cref="SchoolYear"/> 2026 is 2026–27). <see cref="ClassName"/> is empty for the school's committee.
/// </summary>
internal sealed class ParentCommittee : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public int SchoolYear { get; set; }
    public required string ClassName { get; set; }
    public DateOnly FormedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A parent on a committee: name, mobile number (shown masked but to those who keep the committee), office, duty.</summary>
internal sealed class CommitteeMember : IOrgScoped
{
    public long Id { get; set; }
    public long CommitteeId { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }
    public required string Phone { get; set; }
    public CommitteeRole Role { get; set; }
    public string? Duty { get; set; }
    public DateOnly JoinedOn { get; set; }

    /// <summary>The day the member stood down (kept for the record); null while serving.</summary>
    public DateOnly? LeftOn { get; set; }
}

/// <summary>The minutes of a committee meeting: the day, how many members came, what was discussed and what was agreed.</summary>
internal sealed class CommitteeMeeting : IOrgScoped
{
    public long Id { get; set; }
    public long CommitteeId { get; set; }
    public int OrgUnitId { get; set; }
    public DateOnly HeldOn { get; set; }
    public int Present { get; set; }
    public required string Topics { get; set; }
    public required string Decisions { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
