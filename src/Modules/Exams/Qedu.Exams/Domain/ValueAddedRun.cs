using Qedu.Kernel.Access;

namespace Qedu.Exams.Domain;

/// <summary>
/// One value-added estimate: an exam against a prior one (the same students earlier), in a subject or the total, with
/// the adjustments chosen, the model's fitted figures and how many students were left out for lacking either score.
/// The latest run of a pair and subject is the one shown. Seen like its exam (<see cref="ExamAccess"/>); its schools' rows
/// are scoped.
/// </summary>
internal sealed class ValueAddedRun
{
    public int Id { get; set; }
    public int ExamId { get; set; }
    public int PriorExamId { get; set; }

    /// <summary>The subject's name, or "total".</summary>
    public required string Subject { get; set; }

    /// <summary>The bureau that ran the estimate (the exam's owner).</summary>
    public int OwnerUnitId { get; set; }
    public bool AdjustMigrant { get; set; }
    public bool AdjustHardship { get; set; }
    public bool AdjustDisability { get; set; }
    public int MinStudents { get; set; }
    public int Students { get; set; }
    public int LeftOut { get; set; }
    public double Slope { get; set; }
    public double WithinVariance { get; set; }
    public double BetweenVariance { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public required string ComputedBy { get; set; }
}

/// <summary>
/// A school's effect in one run: score points above (+) or below (−) what its students' prior attainment predicts, with
/// its 95 % interval. Aggregate, no child in it; shown as intervals, never as a bare ranking.
/// </summary>
[ScopedWrite(Permissions.ExamsManage)]
internal sealed class ValueAddedSchool : IOrgScoped
{
    public long Id { get; set; }
    public int RunId { get; set; }

    /// <summary>The school.</summary>
    public int OrgUnitId { get; set; }
    public int Students { get; set; }
    public double Effect { get; set; }
    public double Lower { get; set; }
    public double Upper { get; set; }
    public bool TooFew { get; set; }
}
