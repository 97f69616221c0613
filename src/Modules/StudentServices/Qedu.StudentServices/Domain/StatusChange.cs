using Qedu.Kernel.Access;

namespace Qedu.StudentServices.Domain;

/// <summary>The student-status changes (学籍异动) Qedu runs as procedures.</summary>
internal enum ChangeKind
{
    /// <summary>转学 between two schools of the city (within a district or across districts).</summary>
    Transfer = 1,

    /// <summary>转出: to a school outside the city; the sending side prints the 转学联系函.</summary>
    TransferOut = 2,

    /// <summary>休学: a break of at most a year, with a reason and a certificate.</summary>
    Suspension = 3,

    /// <summary>复学: back into a class after 休学.</summary>
    Resumption = 4,

    /// <summary>转入: a child from a school outside the city into one of the city's, asked by the receiving school.</summary>
    TransferIn = 5,
}

/// <summary>Where a change stands.</summary>
internal enum ChangeState
{
    /// <summary>With a reviewer (the current step).</summary>
    UnderReview = 1,

    /// <summary>Returned to the applicant for correction (补正): the clock stops until they answer.</summary>
    Returned = 2,

    /// <summary>Accepted by every step; the registry has the change.</summary>
    Completed = 3,

    /// <summary>Refused by a step, with its reason.</summary>
    Refused = 4,
}

/// <summary>Who started a change.</summary>
internal enum Applicant
{
    /// <summary>A guardian in the registry, signed in by phone.</summary>
    Guardian = 1,

    /// <summary>The student's school.</summary>
    School = 2,
}

/// <summary>
/// One status change of one student: what is asked (kind, target school and class, reason), who asked, the route of
/// steps it takes (<see cref="ChangeStep"/>), where it stands, and its time limits in working days (copied from the catalogue item in
/// force when it starts, so a later change of limits does not move a running clock). Not scoped by one unit: the units
/// of its steps see it (<see cref="ChangeStep"/> is scoped), and the guardian who asked.
/// </summary>
internal sealed class StatusChange
{
    public long Id { get; set; }

    /// <summary>The number the applicant and the units quote, e.g. XJ2026-000123.</summary>
    public string Number { get; set; } = "";

    public ChangeKind Kind { get; set; }
    public ChangeState State { get; set; } = ChangeState.UnderReview;

    /// <summary>The student in the registry; for a 转入, null until the change completes and the registry has them.</summary>
    public long? StudentId { get; set; }

    public string StudentNumber { get; set; } = "";
    public string StudentName { get; set; } = "";

    /// <summary>The student's record revision when the change was checked: completion refuses a record changed since.</summary>
    public long StudentRevision { get; set; }

    public int FromSchoolId { get; set; }
    public int? FromDistrictId { get; set; }
    public int? ToSchoolId { get; set; }
    public int? ToDistrictId { get; set; }
    public long? ToClassId { get; set; }

    /// <summary>The school outside the city a 转出 goes to, or a 转入 comes from (name and place, as the applicant gives them).</summary>
    public string? OtherSchool { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>休学: the last day of the break (at most a year after it starts).</summary>
    public DateOnly? SuspendedUntil { get; set; }

    public Applicant Applicant { get; set; }

    /// <summary>The guardian's parent account, when a guardian asked: they see it and answer a 补正.</summary>
    public Guid? ParentAccountId { get; set; }

    /// <summary>Who asked, as shown (a guardian's name, or the school user's).</summary>
    public string ApplicantName { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The China date the clocks start from (the day of the application; the limits count from the next working day).</summary>
    public DateOnly StartedOn { get; set; }

    public int LegalDays { get; set; }
    public int PromisedDays { get; set; }

    /// <summary>The catalogue item the change ran under, and its version: where its limits came from.</summary>
    public string? ServiceCode { get; set; }

    public int? ServiceVersion { get; set; }

    /// <summary>The step now deciding (its <see cref="ChangeStep.Sequence"/>).</summary>
    public int CurrentStep { get; set; } = 1;

    /// <summary>How many steps the route has: the last one's acceptance completes the change.</summary>
    public int StepCount { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The day the registry change takes effect (the completion day).</summary>
    public DateOnly? EffectiveOn { get; set; }

    public int Revision { get; set; }
}

/// <summary>
/// A child a 转入 brings into the city, as the registry will record them when the change completes (the national 学籍号
/// they keep, and one guardian). Kept beside the change until then; the change's reviewers see it as they see the change.
/// </summary>
internal sealed class IncomingChild
{
    public long ChangeId { get; set; }
    public string GenderCode { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string GuardianName { get; set; } = "";
    public string GuardianRelationCode { get; set; } = "";
    public string GuardianPhone { get; set; } = "";
}

/// <summary>
/// A file the applicant adds to a change (a 休学's medical certificate, a proof of address): what it is, and the file kept
/// by content hash in the kernel's store. Opened by the applicant and the units of the change's route (each opening by
/// staff an audit line).
/// </summary>
internal sealed class ChangeMaterial
{
    public long Id { get; set; }
    public long ChangeId { get; set; }

    /// <summary>What it is, e.g. 二级以上医院诊断证明 (the catalogue's name for it, or the applicant's).</summary>
    public string Name { get; set; } = "";

    public string FileName { get; set; } = "";
    public string MediaType { get; set; } = "";
    public long Length { get; set; }
    public string FileHash { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>The part a unit plays in a change.</summary>
internal enum StepRole
{
    SendingSchool = 1,
    ReceivingSchool = 2,
    SendingDistrict = 3,
    ReceivingDistrict = 4,
}

/// <summary>A step's answer.</summary>
internal enum StepDecision
{
    Pending = 0,
    Accepted = 1,

    /// <summary>Back to the applicant for correction (补正), naming what is missing.</summary>
    Returned = 2,

    Refused = 3,
}

/// <summary>
/// One unit's step in a change (sending school → receiving school → sending district → receiving district, as the kind
/// and the two districts need). Scoped by the deciding unit: only a reviewer of that unit decides it, and the units of
/// a change's steps are who see the change.
/// </summary>
[ScopedWrite(Permissions.StatusChangesReview)]
internal sealed class ChangeStep : IOrgScoped
{
    public long Id { get; set; }
    public long ChangeId { get; set; }
    public int Sequence { get; set; }
    public StepRole Role { get; set; }
    public int OrgUnitId { get; set; }
    public StepDecision Decision { get; set; }

    /// <summary>Why it was refused, or what is missing (补正).</summary>
    public string? Note { get; set; }

    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The reviewer confirmed taking the student into a class at or over 56 (大班额).</summary>
    public bool ConfirmedLargeClass { get; set; }
}

/// <summary>A stop of a change's clocks: returned for correction on <see cref="From"/>, back on <see cref="To"/>.</summary>
internal sealed class ChangePause
{
    public long Id { get; set; }
    public long ChangeId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>What the applicant was asked for.</summary>
    public string Missing { get; set; } = "";

    /// <summary>What the applicant said when they answered.</summary>
    public string? Answer { get; set; }
}
