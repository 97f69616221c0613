using System.Text.Json.Serialization;
using Qedu.Kernel.Access;

namespace Qedu.Growth.Domain;

/// <summary>How the caring teacher kept in touch with a left-behind child or the family.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactKind>))]
internal enum ContactKind
{
    /// <summary>家访: a visit to the child's home.</summary>
    HomeVisit = 1,

    /// <summary>谈心: a talk with the child at school.</summary>
    Talk = 2,

    /// <summary>亲情通话: a call or video call between the child and the parents away, arranged by the school.</summary>
    FamilyCall = 3,

    /// <summary>电话联系: a call with the parents or the carer at home.</summary>
    PhoneCall = 4,
}

/// <summary>
/// A school's care room for left-behind children (留守儿童关爱室, 001-25): where it is, what it offers (a family phone or
/// video link, books, a corner for homework), who keeps it, since when. One per school.
/// </summary>
internal sealed class CareRoom : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }
    public required string Facilities { get; set; }
    public required string Keeper { get; set; }
    public DateOnly OpenedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One use of a care room: the day, how many children, what was done.</summary>
internal sealed class CareRoomUse : IOrgScoped
{
    public long Id { get; set; }
    public long RoomId { get; set; }
    public int OrgUnitId { get; set; }
    public DateOnly Day { get; set; }
    public int Children { get; set; }
    public required string Activity { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A left-behind child's care ledger (关爱帮扶台账, 001-25): the caring teacher (代理家长), where the parents work, who cares for
/// the child at home, and the contacts kept. The circumstances and the notes are a family's: encrypted at rest with the
/// field-encryption key. One open ledger per child.
/// </summary>
internal sealed class CareLedger : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public required string CaringTeacher { get; set; }

    /// <summary>Where the parents are and who cares for the child (encrypted).</summary>
    public required byte[] Circumstances { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A contact recorded in a ledger: the day, the kind, a note (encrypted).</summary>
internal sealed class CareContact : IOrgScoped
{
    public long Id { get; set; }
    public long LedgerId { get; set; }
    public int OrgUnitId { get; set; }
    public DateOnly Day { get; set; }
    public ContactKind Kind { get; set; }
    public required byte[] Note { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
