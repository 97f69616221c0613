using Qedu.Kernel.Access;

namespace Qedu.Teachers.Domain;

// The public report channel (教师有偿补课举报): anyone reports, without signing in; the case belongs to the bureau that
// handles it (the district of the school named, or the city), so the kernel's scope filter gives each handler their own
// cases. The reporter's contact lives in a table of its own that no handler's read touches (ReportContact).

internal enum ReportKind
{
    /// <summary>有偿补课: paid private tutoring by a serving teacher.</summary>
    PaidTutoring = 1,

    /// <summary>其他师德失范: other misconduct.</summary>
    Misconduct = 2,
}

internal enum ReportState
{
    Received = 1,
    Acknowledged = 2,
    Investigating = 3,
    Concluded = 4,
}

internal enum ReportConclusion
{
    Upheld = 1,
    NotUpheld = 2,
}

/// <summary>A report and its handling: what was reported, by which working day each step is due, and how it ended.</summary>
internal sealed class ReportCase : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The handling bureau: the district of the school named, or the city when the school is unknown.</summary>
    public int OrgUnitId { get; set; }

    /// <summary>The public case number (JB-2026-XXXXXX), random so it tells nothing of how many there are.</summary>
    public required string Number { get; set; }

    /// <summary>SHA-256 of the follow-up secret, which the reporter alone was shown, once.</summary>
    public required string SecretHash { get; set; }
    public ReportKind Kind { get; set; }

    /// <summary>The school as matched from what the reporter wrote (null when no school matched).</summary>
    public int? SchoolId { get; set; }

    /// <summary>The school as the reporter wrote it.</summary>
    public required string SchoolText { get; set; }

    /// <summary>The teacher as the reporter named them (may be empty).</summary>
    public string? TeacherText { get; set; }
    public required string Text { get; set; }
    public ReportState State { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Working-day limits from receipt (the rules' numbers, counted by the kernel's working-day calendar).</summary>
    public DateOnly AcknowledgeBy { get; set; }
    public DateOnly InvestigateBy { get; set; }
    public DateOnly ConcludeBy { get; set; }
    public DateOnly? AcknowledgedOn { get; set; }
    public DateOnly? InvestigatedOn { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public ReportConclusion? Conclusion { get; set; }

    /// <summary>What the reporter is told of the conclusion (the handler writes it for them).</summary>
    public string? PublicConclusion { get; set; }

    /// <summary>The teacher the handler identified (a registry staff id), when they did.</summary>
    public long? StaffId { get; set; }

    /// <summary>Whether the reporter left a way to reach them (the contact itself is in <see cref="ReportContact"/>).</summary>
    public bool HasContact { get; set; }
    public long Revision { get; set; }
}

/// <summary>
/// The reporter's contact, encrypted (the kernel's field encryption), in a table only the channel's officer reads
/// (<c>teachers.reports.contact</c>, with a reason, audited): no handler's page or API joins it.
/// </summary>
internal sealed class ReportContact : IOrgScoped
{
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public required byte[] Encrypted { get; set; }
}

/// <summary>One line of a case's history: the reporter's additions, a handler's note (internal) or reply (public).</summary>
internal sealed class ReportEntry : IOrgScoped
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>True for the reporter's own additions.</summary>
    public bool FromReporter { get; set; }

    /// <summary>The handler's name; null for the reporter.</summary>
    public string? Handler { get; set; }
    public required string Text { get; set; }

    /// <summary>Whether the reporter sees it (their own additions and the handler's replies; not internal notes).</summary>
    public bool Public { get; set; }
}

/// <summary>A file the reporter sent (a picture, a receipt, a PDF), stored by content hash.</summary>
internal sealed class ReportFile : IOrgScoped
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public required string Hash { get; set; }
    public required string MediaType { get; set; }
    public required string FileName { get; set; }
    public long Length { get; set; }
    public DateTimeOffset At { get; set; }
}
