using System.Text.Json.Serialization;
using Qedu.Kernel.Access;

namespace Qedu.Family.Domain;

/// <summary>How a home visit is made.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VisitForm>))]
internal enum VisitForm
{
    /// <summary>入户家访: the teacher at the family's home.</summary>
    AtHome = 1,

    /// <summary>视频家访: by video call.</summary>
    Online = 2,

    /// <summary>到校约谈: the family invited to the school.</summary>
    AtSchool = 3,
}

/// <summary>Where a visit stands: planned, then done (recorded) or cancelled; neither of the last two changes again.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VisitStatus>))]
internal enum VisitStatus
{
    Planned = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>
/// A teacher's home visit to a student's family (万名教师温情家访, 003-5): planned for a day by a teacher in a form, then
/// recorded when done — the day, who took part, what was discussed and agreed — or cancelled with a reason. The class
/// (id and name, from the roster when planned) is kept so coverage per class is a query. Who took part and the notes are
/// a family's circumstances: encrypted at rest with the field-encryption key, shown only to the school's own staff.
/// </summary>
internal sealed class HomeVisit : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public long? ClassId { get; set; }
    public required string ClassName { get; set; }
    public DateOnly PlannedOn { get; set; }

    /// <summary>The teacher who visits (a name, as the school says it).</summary>
    public required string Teacher { get; set; }
    public VisitForm Form { get; set; }
    public VisitStatus Status { get; set; }

    /// <summary>The day the visit was made; null until recorded.</summary>
    public DateOnly? VisitedOn { get; set; }

    /// <summary>Who took part (encrypted); null until recorded.</summary>
    public byte[]? Participants { get; set; }

    /// <summary>What was discussed and agreed (encrypted); null until recorded.</summary>
    public byte[]? Notes { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public string? CancelReason { get; set; }
    public required string PlannedBy { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
