using Qedu.Kernel.Access;

namespace Qedu.Family.Domain;

/// <summary>
/// A parent-course session (家长大课堂, 001-34): organised by a school, a district bureau or the city bureau for the parents
/// of the children at the schools under it; a speaker, a day and hours, a place, and a number of seats
/// (<see cref="Registered"/> counts them, taken by one conditional update like care places).
/// </summary>
internal sealed class ParentCourse : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The organiser: a school, a district bureau or the city bureau.</summary>
    public int OrgUnitId { get; set; }
    public required string Title { get; set; }
    public required string Speaker { get; set; }
    public required string Summary { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Starts { get; set; }
    public TimeOnly Ends { get; set; }
    public required string Place { get; set; }
    public int Capacity { get; set; }
    public int Registered { get; set; }

    /// <summary>When the organiser took the attendance (null until then).</summary>
    public DateTimeOffset? AttendanceTakenAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// A parent's seat at a session, taken from the parent sign-in (<see cref="ParentAccountId"/>). <see cref="SchoolId"/> is
/// the school of the parent's child under the organiser, so a district's course counts for each school's parents.
/// A cancelled seat keeps its row.
/// </summary>
internal sealed class CourseSeat : IParentOwned
{
    public long Id { get; set; }
    public long CourseId { get; set; }
    public int OrgUnitId { get; set; }
    public Guid ParentAccountId { get; set; }
    public required string Phone { get; set; }
    public int SchoolId { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateOnly? CancelledOn { get; set; }

    /// <summary>Whether the parent came, as the organiser took the attendance; null before.</summary>
    public bool? Attended { get; set; }
}

/// <summary>A session's material (讲义, 课件, a recording): a stored file by its content hash, or a link.</summary>
internal sealed class CourseMaterial : IOrgScoped
{
    public long Id { get; set; }
    public long CourseId { get; set; }
    public int OrgUnitId { get; set; }
    public required string Title { get; set; }
    public string? FileHash { get; set; }
    public string? FileName { get; set; }
    public string? MediaType { get; set; }
    public long? Length { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public required string AddedBy { get; set; }
}
