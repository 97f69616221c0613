using Qedu.Kernel.Access;

namespace Qedu.StudentServices.Domain;

/// <summary>Why a child stopped coming to school, as the 控辍保学 ledgers group it.</summary>
internal enum DropoutReason
{
    /// <summary>家庭经济困难.</summary>
    Poverty = 1,

    /// <summary>厌学、学习困难.</summary>
    Disengaged = 2,

    /// <summary>外出务工.</summary>
    Work = 3,

    /// <summary>身体原因.</summary>
    Health = 4,

    /// <summary>家庭原因（监护缺失、随迁等）.</summary>
    Family = 5,

    Other = 9,
}

/// <summary>Where a dropout case stands: open until the child is back in school, or closed for another reason.</summary>
internal enum DropoutState
{
    Open = 1,

    /// <summary>劝返复学: back in school.</summary>
    Returned = 2,

    /// <summary>Ended otherwise, with the reason (e.g. enrolled at a school outside the city, with its proof).</summary>
    Closed = 3,
}

/// <summary>A follow-up action of the ledger.</summary>
internal enum FollowUpKind
{
    /// <summary>家访.</summary>
    HomeVisit = 1,

    /// <summary>电话联系.</summary>
    Call = 2,

    /// <summary>约谈监护人.</summary>
    GuardianTalk = 3,

    /// <summary>劝返.</summary>
    Persuasion = 4,

    /// <summary>送教上门.</summary>
    HomeTeaching = 5,

    /// <summary>书面督促（责令限期复学）.</summary>
    WrittenNotice = 6,

    /// <summary>帮扶资助.</summary>
    Aid = 7,

    /// <summary>司法督促.</summary>
    Legal = 8,

    Other = 9,
}

/// <summary>
/// A child of compulsory-school age who stopped coming (辍学), reported by the school, with the 控辍保学 ledger of what was
/// done until the child is back in school. The 学籍 is kept (compulsory education keeps it: no registry change); the
/// case is scoped by the school, so its district and the city see it too. One open case per student.
/// </summary>
[ScopedWrite(Permissions.StatusChangesReview)]
internal sealed class DropoutCase : IOrgScoped
{
    /// <summary>Working days a case may go without a follow-up before the ledger marks it overdue.</summary>
    public const int FollowUpDays = 10;

    public long Id { get; set; }

    /// <summary>The number the ledger quotes, e.g. KC2026-000012.</summary>
    public string Number { get; set; } = "";

    public long StudentId { get; set; }
    public string StudentNumber { get; set; } = "";
    public string StudentName { get; set; } = "";
    public string? ClassName { get; set; }

    /// <summary>The school (the case's scope).</summary>
    public int OrgUnitId { get; set; }

    public int? DistrictId { get; set; }
    public DateOnly LastAttendedOn { get; set; }
    public DateOnly ReportedOn { get; set; }
    public DropoutReason Reason { get; set; }
    public string Details { get; set; } = "";
    public string ReportedBy { get; set; } = "";
    public DropoutState State { get; set; } = DropoutState.Open;
    public DateOnly? EndedOn { get; set; }
    public string? EndNote { get; set; }
    public int Revision { get; set; }
}

/// <summary>One action of a case's ledger: when, what, by whom, and what came of it.</summary>
internal sealed class DropoutFollowUp
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateOnly On { get; set; }
    public FollowUpKind Kind { get; set; }
    public string Note { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
