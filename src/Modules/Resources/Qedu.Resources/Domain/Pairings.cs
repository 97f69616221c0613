using Qedu.Kernel.Access;

namespace Qedu.Resources.Domain;

/// <summary>
/// An urban–rural school pairing (城乡学校结对): an urban school helps a rural one from <see cref="StartsOn"/> (until
/// <see cref="EndsOn"/> when it ended). It belongs to the rural school (<see cref="OrgUnitId"/>); a district pairs its
/// own schools, the city pairs across districts (<see cref="DecidedByUnitId"/>).
/// </summary>
internal sealed class SchoolPairing : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public int UrbanSchoolId { get; set; }
    public int DecidedByUnitId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// A weekly slot of a pairing's synchronous-classroom timetable (同步课堂): the urban teacher teaches their class and the
/// rural class joins live, on a weekday at a time.
/// </summary>
internal sealed class SyncSlot : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long PairingId { get; set; }
    public required string Subject { get; set; }
    public required string Teacher { get; set; }
    public required string UrbanClass { get; set; }
    public required string RuralClass { get; set; }
    public DayOfWeek Weekday { get; set; }
    public TimeOnly StartsAt { get; set; }
    public int Minutes { get; set; }
}

/// <summary>
/// A dated synchronous-classroom session of a pairing: held or not, the lesson taught, and the rural class's attendance
/// (present of enrolled). The rural school's sessions held in a year are its sync-classroom coverage.
/// </summary>
internal sealed class SyncSession : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long PairingId { get; set; }
    public long? SlotId { get; set; }
    public DateOnly On { get; set; }
    public bool Held { get; set; }
    public string? Topic { get; set; }
    public int Present { get; set; }
    public int Enrolled { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
