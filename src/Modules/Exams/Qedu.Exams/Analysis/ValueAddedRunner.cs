using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.ExamAnalysis;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Exams.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Exams.Analysis;

/// <summary>
/// What to estimate: an exam against a prior one, in a subject (by name) or the total, adjusted for the registry flags the
/// bureau chooses, schools with fewer than <see cref="MinStudents"/> matched students marked as too few.
/// </summary>
public sealed record ValueAddedRequest(string? Exam, string? Prior, string? Subject, bool Migrant = false, bool Hardship = false, bool Disability = false,
    int MinStudents = ValueAddedRequest.DefaultMinStudents)
{
    public const int DefaultMinStudents = 10;
    public const string Total = "total";
}

/// <summary>A school's effect as the contract's file and the pages give it: score points with the 95 % interval; the numbers left empty when too few.</summary>
public sealed record ValueAddedLine(int SchoolId, string SchoolCode, string SchoolName, int Students, double? Effect, double? Lower, double? Upper, bool TooFew);

/// <summary>One estimate: the pair, the subject, students matched and left out (without both scores), the fitted slope and the schools.</summary>
public sealed record ValueAddedReport(int RunId, string Exam, string Prior, string Subject, int Students, int LeftOut, double Slope,
    double WithinSd, double BetweenSd, IReadOnlyList<ValueAddedLine> Schools);

/// <summary>
/// Value-added (增值评价) for an exam against an earlier one of the same students: each student's score (subject or total)
/// on their prior one, with a random intercept per school (<see cref="ExamAnalysis.ValueAdded"/>), optionally adjusted
/// for 随迁, 家庭经济困难 and 残疾. The run and its schools are stored (the pages draw the latest), and returned for the file.
/// </summary>
internal sealed class ValueAddedRunner(ExamsDb db, ExamAccess exams, OrgTree tree, ICurrentAccess access, IStringLocalizer<ExamsText> t, TimeProvider clock)
{
    private sealed record Pupil(long StudentId, int SchoolId, bool Migrant, bool Hardship, bool Disability, double? Score);

    public async Task<Outcome<ValueAddedReport>> RunAsync(ValueAddedRequest request, CancellationToken ct)
    {
        var exam = await db.Exams.FirstOrDefaultAsync(e => e.Code == request.Exam, ct);
        if (exam is null || !await exams.MayManageAsync(exam, ct))
        {
            return Outcome<ValueAddedReport>.NotFound(t["Exam.NotFound"]);
        }
        var prior = await db.Exams.FirstOrDefaultAsync(e => e.Code == request.Prior, ct);
        if (prior is null || prior.Id == exam.Id || !await exams.Visible().AnyAsync(e => e.Id == prior.Id, ct))
        {
            return Outcome<ValueAddedReport>.Invalid(new InputErrors().Add("prior", t["VA.Prior"]));
        }
        if (request.MinStudents is < 1 or > 1000)
        {
            return Outcome<ValueAddedReport>.Invalid(new InputErrors().Add("minStudents", t["VA.MinStudents"]));
        }
        var subject = string.IsNullOrWhiteSpace(request.Subject) ? ValueAddedRequest.Total : request.Subject.Trim();
        var current = await PupilsAsync(exam.Id, subject, ct);
        var earlier = await PupilsAsync(prior.Id, subject, ct);
        if (current is null || earlier is null)
        {
            return Outcome<ValueAddedReport>.Invalid(new InputErrors().Add("subject", t["VA.Subject", subject]));
        }
        var priorScores = earlier.Where(p => p.Score is not null).ToDictionary(p => p.StudentId, p => p.Score!.Value);
        var matched = new List<ValueAddedStudent>(current.Count);
        var covariates = new[] { request.Migrant, request.Hardship, request.Disability };
        foreach (var p in current)
        {
            if (p.Score is { } now && priorScores.TryGetValue(p.StudentId, out var before))
            {
                var z = covariates.Any(c => c)
                    ? new[] { (request.Migrant, p.Migrant), (request.Hardship, p.Hardship), (request.Disability, p.Disability) }
                        .Where(c => c.Item1).Select(c => c.Item2 ? 1.0 : 0.0).ToArray()
                    : null;
                matched.Add(new ValueAddedStudent(p.SchoolId, before, now, z));
            }
        }
        if (matched.Select(m => m.School).Distinct().Count() < 2)
        {
            return Outcome<ValueAddedReport>.Invalid(new InputErrors().Add("prior", t["VA.TooFewMatched"]));
        }
        // A flag no school has both ways (nobody 残疾 in these schools, say) says nothing within schools: name it, not a failure.
        var flags = new[] { ("migrant", request.Migrant), ("hardship", request.Hardship), ("disability", request.Disability) }.Where(f => f.Item2).ToList();
        for (var k = 0; k < flags.Count; k++)
        {
            var index = k;
            if (!matched.GroupBy(m => m.School).Any(g => g.Select(m => m.Covariates![index]).Distinct().Count() > 1))
            {
                return Outcome<ValueAddedReport>.Invalid(new InputErrors().Add(flags[k].Item1, t["VA.FlagConstant"]));
            }
        }
        ValueAddedResult result;
        try
        {
            result = ExamAnalysis.ValueAdded.Estimate(matched, new ValueAddedOptions(request.MinStudents));
        }
        catch (ArgumentException)
        {
            // The data cannot carry the model (two flags that always go together, too few students for the terms).
            return Outcome<ValueAddedReport>.Invalid(new InputErrors().Add("prior", t["VA.Failed"]));
        }

        var run = new ValueAddedRun
        {
            ExamId = exam.Id,
            PriorExamId = prior.Id,
            Subject = subject,
            OwnerUnitId = exam.OwnerUnitId,
            AdjustMigrant = request.Migrant,
            AdjustHardship = request.Hardship,
            AdjustDisability = request.Disability,
            MinStudents = request.MinStudents,
            Students = matched.Count,
            LeftOut = current.Count - matched.Count,
            Slope = result.Slope,
            WithinVariance = result.WithinVariance,
            BetweenVariance = result.BetweenVariance,
            ComputedAt = clock.GetUtcNow(),
            ComputedBy = access.Current.ActorName ?? "system",
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ValueAddedRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ValueAddedSchools.AddRange(result.Schools.Select(s => new ValueAddedSchool
        {
            RunId = run.Id, OrgUnitId = s.School, Students = s.Students, Effect = Math.Round(s.Effect, 4), Lower = Math.Round(s.Lower, 4),
            Upper = Math.Round(s.Upper, 4), TooFew = s.TooFew,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<ValueAddedReport>.Ok(await ReportAsync(run, exam, prior, ct));
    }

    /// <summary>The latest run of an exam (any prior, any subject unless given) the caller may see, with the schools of its scope.</summary>
    public async Task<ValueAddedReport?> LatestAsync(int examId, string? subject, CancellationToken ct)
    {
        var run = await db.ValueAddedRuns.Where(r => r.ExamId == examId && (subject == null || r.Subject == subject))
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return null;
        }
        var pair = await db.Exams.Where(e => e.Id == run.ExamId || e.Id == run.PriorExamId).ToDictionaryAsync(e => e.Id, ct);
        return await ReportAsync(run, pair[run.ExamId], pair[run.PriorExamId], ct);
    }

    private async Task<ValueAddedReport> ReportAsync(ValueAddedRun run, Exam exam, Exam prior, CancellationToken ct)
    {
        // The schools of the caller's scope (the rows are scoped): a district sees its own schools' intervals.
        var schools = await db.ValueAddedSchools.AsNoTracking().Where(s => s.RunId == run.Id).ToListAsync(ct);
        var units = await tree.UnitsOfAsync(schools.Select(s => s.OrgUnitId), ct);
        var lines = schools.Select(s =>
        {
            var unit = units.GetValueOrDefault(s.OrgUnitId);
            return new ValueAddedLine(s.OrgUnitId, unit?.Code ?? "", unit?.Name ?? "", s.Students, s.TooFew ? null : s.Effect, s.TooFew ? null : s.Lower,
                s.TooFew ? null : s.Upper, s.TooFew);
        }).OrderBy(l => l.SchoolCode, StringComparer.Ordinal).ToList();
        return new ValueAddedReport(run.Id, exam.Code, prior.Code, run.Subject, run.Students, run.LeftOut, run.Slope,
            Math.Sqrt(run.WithinVariance), Math.Sqrt(run.BetweenVariance), lines);
    }

    /// <summary>An exam's candidates with their score in the subject (or total); null when the exam has no such subject.</summary>
    private async Task<List<Pupil>?> PupilsAsync(int examId, string subject, CancellationToken ct)
    {
        if (subject == ValueAddedRequest.Total)
        {
            return await db.Candidates.AsNoTracking().Where(c => c.ExamId == examId)
                .Select(c => new Pupil(c.StudentId, c.OrgUnitId, c.Migrant, c.FinancialHardship, c.Disability, c.Total)).ToListAsync(ct);
        }
        var number = await db.Subjects.Where(s => s.ExamId == examId && s.Name == subject).Select(s => (short?)s.Number).FirstOrDefaultAsync(ct);
        if (number is null)
        {
            return null;
        }
        return await (from c in db.Candidates.AsNoTracking()
                      where c.ExamId == examId
                      join s in db.Scores.AsNoTracking().Where(s => s.ExamId == examId && s.Subject == number) on c.Id equals s.CandidateId
                      select new Pupil(c.StudentId, c.OrgUnitId, c.Migrant, c.FinancialHardship, c.Disability, s.Score)).ToListAsync(ct);
    }
}
