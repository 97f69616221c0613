using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Kernel.Access;

namespace Qedu.Exams.Import;

/// <summary>A candidate to write: the registry's facts of the exam day and the total (null when a subject was missed).</summary>
internal sealed record NewCandidate(long StudentId, string StudentNumber, int SchoolId, long? ClassId, string? ClassName, string? GradeCode,
    bool Migrant, bool FinancialHardship, bool Disability, double? Total);

/// <summary>
/// Writes an exam with its subjects, candidates and scores in one transaction: all or nothing. The exam and subjects go
/// through EF Core, so the scope guard checks the caller may run an exam at its unit; the bulk (a city's 1.35 million
/// scores) by <see cref="BulkInsert"/>.
/// </summary>
internal sealed class ScoreWriter(ExamsDb db)
{
    private static readonly string[] CandidateColumns =
    [
        nameof(ExamCandidate.ExamId), nameof(ExamCandidate.StudentId), nameof(ExamCandidate.StudentNumber), nameof(ExamCandidate.OrgUnitId),
        nameof(ExamCandidate.ClassId), nameof(ExamCandidate.ClassName), nameof(ExamCandidate.GradeCode), nameof(ExamCandidate.Migrant),
        nameof(ExamCandidate.FinancialHardship), nameof(ExamCandidate.Disability), nameof(ExamCandidate.Total),
    ];

    private static readonly string[] ScoreColumns =
        [nameof(ExamScore.ExamId), nameof(ExamScore.CandidateId), nameof(ExamScore.OrgUnitId), nameof(ExamScore.Subject), nameof(ExamScore.Score)];

    public async Task WriteAsync(Exam exam, IReadOnlyList<ExamSubject> subjects, IReadOnlyList<NewCandidate> candidates,
        IReadOnlyList<ScoreRow> rows, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Exams.Add(exam);
        await db.SaveChangesAsync(ct);
        foreach (var s in subjects)
        {
            s.ExamId = exam.Id;
        }
        db.Subjects.AddRange(subjects);
        await db.SaveChangesAsync(ct);

        // The bulk skips the change tracker, so the guard is asked here: every school must be the caller's to write.
        await ScopeWriteGuard.EnsureWithinScopeAsync(db, db.Access, Permissions.ExamsManage, candidates.Select(c => c.SchoolId).Distinct().ToList(), ct);
        await BulkInsert.RunAsync<ExamCandidate>(db, CandidateColumns, candidates.Select(c => new object?[]
        {
            exam.Id, c.StudentId, c.StudentNumber, c.SchoolId, c.ClassId, c.ClassName, c.GradeCode, c.Migrant, c.FinancialHardship, c.Disability, c.Total,
        }), ct);
        // The candidates' ids, to hang the scores on: one query, not one per row.
        var ids = await db.Candidates.Where(c => c.ExamId == exam.Id)
            .Select(c => new { c.Id, c.StudentId }).ToDictionaryAsync(c => c.StudentId, c => c.Id, ct);
        var candidateIds = candidates.Select(c => ids[c.StudentId]).ToArray();
        await BulkInsert.RunAsync<ExamScore>(db, ScoreColumns, rows.Select(r => new object?[]
        {
            exam.Id, candidateIds[r.Student], candidates[r.Student].SchoolId, r.Subject, r.Score,
        }), ct);
        await transaction.CommitAsync(ct);
    }
}
