using Qedu.Kernel.Access;

namespace Qedu.Growth.Domain;

// Social classrooms (社会课堂): venues with their level and approval, sessions a school books for a class, and the
// students' check-ins at the venue (the practice days of their growth record). Venues and sessions are a city-wide
// catalogue (every school books from it); bookings and check-ins belong to the booking school.

/// <summary>A venue's approval: proposed to the unit of its level, or approved by it.</summary>
internal enum VenueState
{
    Proposed = 1,
    Approved = 2,
}

/// <summary>
/// A social classroom or practice base (社会课堂, 实践基地): category and level (rules), whether it meets the entry
/// standard (准入标准), places per session, address and coordinates; owned by the unit that approves its level.
/// </summary>
internal sealed class Venue
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Category { get; set; }
    public required string Level { get; set; }
    public bool StandardMet { get; set; }
    public int Capacity { get; set; }
    public required string Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>The unit that approves (and keeps) the venue: of the level's approver kind.</summary>
    public int OwnerUnitId { get; set; }
    public VenueState State { get; set; }
    public required string ProposedBy { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A session at a venue: a day and times, places and how many are booked (held by a conditional update), and the secret its check-in code carries.</summary>
internal sealed class PracticeSession
{
    public long Id { get; set; }
    public long VenueId { get; set; }
    public required string Title { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Starts { get; set; }
    public TimeOnly Ends { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
    public required string CheckInToken { get; set; }
}

/// <summary>A school's booking of places in a session for one of its classes.</summary>
internal sealed class PracticeBooking : IOrgScoped
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int OrgUnitId { get; set; }
    public string? ClassName { get; set; }
    public int Places { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public required string BookedBy { get; set; }
}

/// <summary>
/// A student's check-in at a session their school booked: one practice day (one per student and session), recorded by
/// the guardian's phone at the venue (the parent account that wrote it, which may read it back).
/// </summary>
internal sealed class PracticeCheckIn : IParentOwned
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int OrgUnitId { get; set; }
    public Guid ParentAccountId { get; set; }
    public long StudentId { get; set; }
    public DateOnly Day { get; set; }
    public int SchoolYear { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>A study-travel course (研学课程) a base (a venue of the study-travel category) offers: for which stage, how many days.</summary>
internal sealed class StudyCourse
{
    public long Id { get; set; }
    public long VenueId { get; set; }
    public required string Title { get; set; }

    /// <summary>The stage it is written for (code list <c>stage</c>: Primary, JuniorSecondary, SeniorSecondary).</summary>
    public required string Stage { get; set; }
    public int Days { get; set; }
    public required string Summary { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Where a study trip stands: the district approves its safety plan before it may run.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TripState>))]
internal enum TripState
{
    Submitted = 1,
    Approved = 2,
    Returned = 3,
    Done = 4,
}

/// <summary>
/// A school's study trip (研学旅行) on a course: the day and days, how many students and accompanying teachers, the
/// transport, and the safety plan (安全预案: route, insurance, emergency contacts, who does what) the district approves
/// before the trip may run.
/// </summary>
internal sealed class StudyTrip : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long CourseId { get; set; }
    public DateOnly Day { get; set; }
    public int Days { get; set; }
    public int Students { get; set; }
    public int Teachers { get; set; }
    public required string Transport { get; set; }
    public required string SafetyPlan { get; set; }
    public TripState State { get; set; }
    public string? ReviewNote { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}
