using Qedu.Kernel.Access;

namespace Qedu.Exams.Domain;

/// <summary>
/// One exam sat by students of the city or a district (中考, 期末统考, 质量监测) on a day: its subjects, the pass and
/// excellent thresholds as shares of full marks (data, per exam), and who imported it. The owner is the bureau that ran
/// it; its scores belong to the students' schools. Not scoped as a row: a city exam is seen by every school that sat it
/// (<see cref="ExamAccess"/> decides), and only its owner's exam managers change it.
/// </summary>
internal sealed class Exam
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>The bureau that ran the exam (the importer's unit): the city, or a district for its own exam.</summary>
    public int OwnerUnitId { get; set; }

    /// <summary>A score at or above this share of full marks passes (及格), e.g. 0.6.</summary>
    public double PassShare { get; set; } = 0.6;

    /// <summary>A score at or above this share of full marks is excellent (优秀), e.g. 0.85.</summary>
    public double ExcellentShare { get; set; } = 0.85;

    /// <summary>The city's 30th percentile of the total among the students who sat every subject: at or below it is 后30%.</summary>
    public double? Bottom30Cutoff { get; set; }

    public int Candidates { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public DateTimeOffset? AnalysedAt { get; set; }

    /// <summary>
    /// When the exam's bureau released the results to families (成绩发布): from then on a guardian sees their child's
    /// score report (成绩报告单). None until then: schools and bureaus check the figures first.
    /// </summary>
    public DateTimeOffset? ReleasedAt { get; set; }
    public string? ReleasedBy { get; set; }
    public long Revision { get; set; }
}

/// <summary>A subject of an exam with its full marks (the same on every row of the file); <see cref="Number"/> orders them.</summary>
internal sealed class ExamSubject
{
    public int Id { get; set; }
    public int ExamId { get; set; }
    public short Number { get; set; }
    public required string Name { get; set; }
    public double FullMarks { get; set; }
}

/// <summary>
/// A student who was entered for an exam, at the school and class of their enrolment on the exam day, with the registry
/// flags of that day (value-added may adjust for them) and the total over every subject (null when any was missed).
/// </summary>
[ScopedWrite(Permissions.ExamsManage)]
internal sealed class ExamCandidate : IOrgScoped
{
    public long Id { get; set; }
    public int ExamId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }

    /// <summary>The school on the exam day.</summary>
    public int OrgUnitId { get; set; }
    public long? ClassId { get; set; }
    public string? ClassName { get; set; }
    public string? GradeCode { get; set; }
    public bool Migrant { get; set; }
    public bool FinancialHardship { get; set; }
    public bool Disability { get; set; }
    public double? Total { get; set; }
}

/// <summary>
/// One student's score in one subject; null when absent (缺考). Kept beside the candidate's school for the scope. Keyed by
/// (exam, candidate, subject) and nothing else: a city exam writes 1.35 million of these, and every index costs the copy.
/// </summary>
[ScopedWrite(Permissions.ExamsManage)]
internal sealed class ExamScore : IOrgScoped
{
    public int ExamId { get; set; }
    public long CandidateId { get; set; }
    public int OrgUnitId { get; set; }
    public short Subject { get; set; }
    public double? Score { get; set; }
}
