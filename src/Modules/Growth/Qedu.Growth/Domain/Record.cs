using System.Text.Json.Serialization;
using Qedu.Kernel.Access;

namespace Qedu.Growth.Domain;

/// <summary>The five areas of 综合素质评价 (Rules/growth-record.json names them).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GrowthArea>))]
public enum GrowthArea
{
    Moral = 1,
    Academic = 2,
    Health = 3,
    Arts = 4,
    Practice = 5,
}

/// <summary>What became of a guardian's evidence.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceState>))]
public enum EvidenceState
{
    /// <summary>Waiting for the school's review; not yet in the record.</summary>
    Pending = 1,

    /// <summary>Reviewed and part of the record.</summary>
    Accepted = 2,

    /// <summary>Sent back with the reviewer's reason; the guardian may send it again, amended.</summary>
    Returned = 3,
}

/// <summary>
/// An entry a teacher (or the school) makes in a student's growth record: the area of 综合素质评价, optionally the
/// 十个一 item it counts towards (with a quantity for counted items), what happened, on which day; the school year and
/// term follow from the day. Held by the school the student was in (<see cref="IOrgScoped"/>).
/// </summary>
internal sealed class GrowthEntry : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public long? ClassId { get; set; }
    public int SchoolYear { get; set; }
    public int Term { get; set; }
    public GrowthArea Area { get; set; }
    public string? ItemCode { get; set; }
    public int? Quantity { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// Evidence a guardian sends for their child's record (a certificate, a photo of a piece of work, a count of books read):
/// the same fields as an entry, an optional file (PDF, JPEG or PNG, by content, in the kernel's file store), and the
/// school's review. Only accepted evidence is part of the record. Owned by the guardian's account as well as the school.
/// </summary>
internal sealed class GrowthEvidence : IParentOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public Guid ParentAccountId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public long? ClassId { get; set; }
    public int SchoolYear { get; set; }
    public int Term { get; set; }
    public GrowthArea Area { get; set; }
    public string? ItemCode { get; set; }
    public int? Quantity { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string? FileHash { get; set; }
    public string? FileName { get; set; }
    public string? MediaType { get; set; }
    public EvidenceState State { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
}

/// <summary>
/// The school's confirmation of a student's record for a term (学期确认), with the head teacher's comment (评语). After
/// it, nothing is added to or taken from that term. One per student and term.
/// </summary>
internal sealed class TermConfirmation : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public long? ClassId { get; set; }
    public int SchoolYear { get; set; }
    public int Term { get; set; }
    public string? Comment { get; set; }
    public required string ConfirmedBy { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
}
