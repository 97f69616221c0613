using System.Text.Json.Serialization;
using Qedu.Kernel.Access;

namespace Qedu.Growth.Domain;

// Mental health (心理健康): screenings and the follow-up of flagged students (筛查、识别、干预、跟踪), kept at the student's
// school and read by its counsellors alone; notes encrypted at rest (the kernel's field encryption).

/// <summary>What a screening found: 无明显问题, 一般关注, 重点关注, 危机 (the rules' bands).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MentalLevel>))]
internal enum MentalLevel
{
    None = 0,
    Watch = 1,
    Concern = 2,
    Crisis = 3,
}

/// <summary>Where a follow-up stands: identified (识别), under intervention (干预), referred (转介), followed up (跟踪), closed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStage>))]
internal enum CaseStage
{
    Identified = 1,
    Intervention = 2,
    Referred = 3,
    FollowUp = 4,
    Closed = 5,
}

/// <summary>A student's result on a screening instrument on a day, and the level the rules gave it.</summary>
internal sealed class MentalScreening : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public string? ClassName { get; set; }
    public required string GradeCode { get; set; }
    public int SchoolYear { get; set; }
    public DateOnly ScreenedOn { get; set; }
    public required string Instrument { get; set; }
    public double Score { get; set; }
    public bool RiskItem { get; set; }
    public MentalLevel Level { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// The follow-up of a flagged student (跟踪档案): opened by a screening at the rules' level or above (one open case per
/// student), its stage and the day the next follow-up is due.
/// </summary>
internal sealed class MentalCase : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public string? ClassName { get; set; }
    public required string GradeCode { get; set; }
    public MentalLevel Level { get; set; }
    public CaseStage Stage { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? NextFollowUpOn { get; set; }
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The student's open case, unique (a filtered index), so two screenings at once cannot open two.</summary>
    public bool Open { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>One step of a case: what was done on a day (the stage it moves the case to), a note (encrypted), where referred.</summary>
internal sealed class MentalCaseEntry : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long CaseId { get; set; }
    public CaseStage Stage { get; set; }
    public DateOnly On { get; set; }
    public required byte[] Note { get; set; }
    public string? ReferredTo { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
