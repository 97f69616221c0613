using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Contracts;

namespace Qedu.Exams.Features.ScoreReports;

/// <summary>How a score stands against the exam's thresholds (等级): at or above the excellent share, the pass share, below it, or absent.</summary>
internal enum ScoreGrade
{
    Excellent = 1,
    Pass = 2,
    BelowPass = 3,
    Absent = 4,
}

/// <summary>
/// Which quarter of everyone who sat the exam a score falls in, against the whole exam's quartiles: a band, never a rank
/// (the seed's 成绩报告单 reports a position, and a rank among 100,000 says more than a child should carry).
/// </summary>
internal enum PositionBand
{
    /// <summary>At or above the upper quartile: the top 25 %.</summary>
    Top = 1,

    /// <summary>From the median up to the upper quartile.</summary>
    UpperMiddle = 2,

    /// <summary>From the lower quartile up to the median.</summary>
    LowerMiddle = 3,

    /// <summary>Below the lower quartile.</summary>
    Bottom = 4,
}

/// <summary>One line of a score report: a subject (or the total), the score (none when absent), full marks, grade, band.</summary>
internal sealed record ScoreLine(string Subject, double? Score, double FullMarks, ScoreGrade Grade, PositionBand? Band);

/// <summary>
/// A student's score report (成绩报告单) in one exam: who, where (school and class on the exam day), each subject and the
/// total. The 学籍号 is masked: the report goes home on paper.
/// </summary>
internal sealed record ScoreReport(string ExamCode, string ExamName, DateOnly ExamDate, string Issuer, long StudentId, string StudentName,
    string StudentNumber, string School, string? ClassName, double PassShare, double ExcellentShare, IReadOnlyList<ScoreLine> Lines);

/// <summary>
/// Score reports for the two who may hold them: a guardian, for their own children in the exams their bureau has
/// released (<see cref="Exam.ReleasedAt"/>), and a school, a class at a time (<c>exams.score-reports</c>), to print and
/// hand out. Every read names the children in the audit trail.
/// </summary>
internal sealed class ScoreReports(ExamsDb db, ExamAccess exams, IStudentRoster roster, ParentAccounts parents, OrgTree tree, ICurrentAccess access,
    AuditTrail audit)
{
    /// <summary>The signed-in guardian's children's reports in released exams, newest exam first; none for anyone else.</summary>
    public async Task<IReadOnlyList<ScoreReport>> ForGuardianAsync(CancellationToken ct)
    {
        if (access.Current.ParentAccountId is not Guid parent || (await parents.FindAsync(parent, ct))?.Phone is not { } phone)
        {
            return [];
        }
        var children = await roster.ChildrenOfGuardianAsync(phone, ct);
        if (children.Count == 0)
        {
            return [];
        }
        var ids = children.Keys.ToList();
        // A parent holds no grant: the rows are the children the registry found by the phone the parent signed in with.
        var candidates = await (from c in db.Candidates.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                                join e in db.Exams.AsNoTracking() on c.ExamId equals e.Id
                                where ids.Contains(c.StudentId) && e.ReleasedAt != null
                                select c).ToListAsync(ct);
        var reports = await BuildAsync(candidates, children, ct);
        if (reports.Count > 0)
        {
            await audit.RecordAsync("pii.read", "ExamScoreReport", null, null,
                $"a guardian's children's score reports: {string.Join(',', reports.Select(r => $"{r.ExamCode}/{r.StudentId}"))}", ct: ct);
        }
        return reports;
    }

    /// <summary>
    /// The reports of one class in an exam, by name, when the class is in a unit where the caller holds
    /// <c>exams.score-reports</c>; null when the exam or the class is not the caller's to print.
    /// </summary>
    public async Task<IReadOnlyList<ScoreReport>?> ForClassAsync(string code, long classId, long? studentId, CancellationToken ct)
    {
        if (await exams.Visible().FirstOrDefaultAsync(e => e.Code == code, ct) is not { } exam)
        {
            return null;
        }
        var candidates = await db.Candidates.AsNoTracking()
            .Where(c => c.ExamId == exam.Id && c.ClassId == classId && (studentId == null || c.StudentId == studentId)).ToListAsync(ct);
        if (candidates.Count == 0 || !await exams.MayPrintReportsAsync(candidates[0].OrgUnitId, ct))
        {
            return null;
        }
        var names = await roster.NamesAsync([.. candidates.Select(c => c.StudentId)], ct);
        var reports = await BuildAsync(candidates, names, ct);
        await audit.RecordAsync("pii.read", "ExamScoreReport", exam.Code, candidates[0].OrgUnitId,
            $"score reports of class {candidates[0].ClassName} ({reports.Count} students): {string.Join(',', reports.Take(200).Select(r => r.StudentId))}", ct: ct);
        return [.. reports.OrderBy(r => r.StudentName, StringComparer.Ordinal).ThenBy(r => r.StudentId)];
    }

    private async Task<List<ScoreReport>> BuildAsync(List<ExamCandidate> candidates, IReadOnlyDictionary<long, string> names, CancellationToken ct)
    {
        var examIds = candidates.Select(c => c.ExamId).Distinct().ToList();
        var candidateIds = candidates.Select(c => c.Id).ToList();
        var examsById = await db.Exams.AsNoTracking().Where(e => examIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var subjects = (await db.Subjects.AsNoTracking().Where(s => examIds.Contains(s.ExamId)).ToListAsync(ct)).ToLookup(s => s.ExamId);
        // Candidates checked by the caller already; the whole exam's quartiles name no one.
        var scores = (await db.Scores.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => candidateIds.Contains(s.CandidateId)).ToListAsync(ct))
            .ToDictionary(s => (s.CandidateId, s.Subject));
        var quartiles = (await db.Figures.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Where(f => examIds.Contains(f.ExamId) && f.Level == FigureLevel.City)
                .Select(f => new { f.ExamId, f.Subject, f.Q1, f.Median, f.Q3 }).ToListAsync(ct))
            .ToDictionary(f => (f.ExamId, f.Subject), f => (f.Q1, f.Median, f.Q3));
        var units = await tree.NamesOfAsync(candidates.Select(c => c.OrgUnitId).Concat(examsById.Values.Select(e => e.OwnerUnitId)).Distinct(), ct);

        var reports = new List<ScoreReport>(candidates.Count);
        foreach (var c in candidates.OrderByDescending(c => examsById[c.ExamId].Date).ThenBy(c => c.StudentId))
        {
            var exam = examsById[c.ExamId];
            var lines = new List<ScoreLine>();
            foreach (var s in subjects[c.ExamId].OrderBy(s => s.Number))
            {
                var score = scores.TryGetValue((c.Id, s.Number), out var row) ? row.Score : null;
                lines.Add(Line(exam, s.Name, score, s.FullMarks, quartiles.GetValueOrDefault((exam.Id, s.Number))));
            }
            lines.Add(Line(exam, "总分", c.Total, subjects[c.ExamId].Sum(s => s.FullMarks), quartiles.GetValueOrDefault((exam.Id, ExamFigure.Total))));
            reports.Add(new ScoreReport(exam.Code, exam.Name, exam.Date, units.GetValueOrDefault(exam.OwnerUnitId) ?? "", c.StudentId,
                names.GetValueOrDefault(c.StudentId) ?? "", PersonalDataAccess.MaskStudentNumber(c.StudentNumber, unmasked: false),
                units.GetValueOrDefault(c.OrgUnitId) ?? "", c.ClassName, exam.PassShare, exam.ExcellentShare, lines));
        }
        return reports;
    }

    internal static ScoreLine Line(Exam exam, string subject, double? score, double fullMarks, (double? Q1, double? Median, double? Q3) quartiles)
    {
        if (score is not { } s)
        {
            return new ScoreLine(subject, null, fullMarks, ScoreGrade.Absent, null);
        }
        var grade = s >= exam.ExcellentShare * fullMarks ? ScoreGrade.Excellent : s >= exam.PassShare * fullMarks ? ScoreGrade.Pass : ScoreGrade.BelowPass;
        PositionBand? band = quartiles is { Q1: { } q1, Median: { } median, Q3: { } q3 }
            ? s >= q3 ? PositionBand.Top : s >= median ? PositionBand.UpperMiddle : s >= q1 ? PositionBand.LowerMiddle : PositionBand.Bottom
            : null;
        return new ScoreLine(subject, s, fullMarks, grade, band);
    }

    /// <summary>A score as printed: whole marks without decimals, halves with one.</summary>
    public static string Marks(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
