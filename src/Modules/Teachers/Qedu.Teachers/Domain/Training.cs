using Qedu.Kernel.Access;

namespace Qedu.Teachers.Domain;

// Continuing education (研训): the catalogue (providers and their courses, city-wide, not scoped rows: a school's
// teachers enrol in the district's and the city's courses), enrolments and the hours ledger (scoped by the teacher's
// school, like every record of a teacher).

/// <summary>
/// A training provider (培训机构) a bureau has accepted into the catalogue: the seed's 100 quality providers come in
/// through the city's third-party platform; a district or a school may run its own (three-level 研训).
/// </summary>
internal sealed class TrainingProvider
{
    public long Id { get; set; }

    /// <summary>The code a provider's files and courses are known by, unique in the city.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The bureau (or school) that accepted it and keeps its entry.</summary>
    public int OwnerUnitId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// A course in the catalogue (课程): its provider, the category its hours count under (rules), hours, sessions and
/// capacity, the days it runs. Open to the teachers of the schools under its owner (a district's course to that
/// district's teachers, the city's to all). <see cref="Enrolled"/> counts enrolments, so capacity holds under concurrent
/// requests (the revision is the optimistic lock).
/// </summary>
internal sealed class TrainingCourse
{
    public long Id { get; set; }

    /// <summary>课程代码, unique in the city: what a provider's hours file names.</summary>
    public required string Code { get; set; }
    public long ProviderId { get; set; }
    public required string Title { get; set; }

    /// <summary>A category code of the rules (teacher-rules.json, training.categories).</summary>
    public required string Category { get; set; }
    public double Hours { get; set; }
    public int Sessions { get; set; }
    public int Capacity { get; set; }
    public int Enrolled { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public bool Online { get; set; }
    public int OwnerUnitId { get; set; }

    /// <summary>Set when the owner closed the course and credited hours: no more enrolment or attendance.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

internal enum EnrolmentState
{
    Enrolled = 1,

    /// <summary>Attended enough of the sessions when the course closed: hours credited.</summary>
    Completed = 2,

    /// <summary>Attended too few sessions when the course closed: no hours.</summary>
    NotCompleted = 3,
}

/// <summary>A teacher on a course: sessions attended (the owner records them), and how it ended.</summary>
internal sealed class TrainingEnrolment : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long CourseId { get; set; }
    public long StaffId { get; set; }
    public EnrolmentState State { get; set; } = EnrolmentState.Enrolled;
    public int SessionsAttended { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
    public required string EnrolledBy { get; set; }
}

/// <summary>Where a line of hours came from.</summary>
internal enum HoursSource
{
    /// <summary>Entered by the teacher's school (or a bureau above it).</summary>
    School = 1,

    /// <summary>A training provider's hours file, imported by a bureau.</summary>
    ProviderFile = 2,

    /// <summary>Credited when a catalogue course closed and the teacher attended enough of it.</summary>
    Course = 3,
}

/// <summary>
/// One line of a teacher's continuing-education hours (学时): what, in which category, how many, completed when, and
/// where it came from. A course is credited once per teacher (a provider's file and the course's own close cannot both
/// count it).
/// </summary>
internal sealed class TrainingHours : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StaffId { get; set; }
    public long? CourseId { get; set; }
    public required string Title { get; set; }
    public required string Category { get; set; }
    public double Hours { get; set; }
    public DateOnly CompletedOn { get; set; }
    public HoursSource Source { get; set; }

    /// <summary>The provider's file the line came from (its name as uploaded), for a line imported.</summary>
    public string? FileName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
