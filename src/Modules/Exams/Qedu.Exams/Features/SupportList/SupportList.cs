using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Contracts;

namespace Qedu.Exams.Features.SupportList;

/// <summary>A student's total in another exam, and whether it was in that exam's lowest 30 %.</summary>
internal sealed record SupportHistory(string Exam, DateOnly Date, double? Total, bool Bottom30);

/// <summary>A student on the support list: name, 学籍号 (always masked: the name is what the list needs), school and class, this exam's total, and their other exams.</summary>
internal sealed record SupportStudent(long StudentId, string Name, string StudentNumber, string School, string? ClassName, double Total,
    IReadOnlyList<SupportHistory> History);

/// <summary>The support list of an exam for the caller's schools: the city's cutoff (the 30th percentile of the total) and the students at or below it.</summary>
internal sealed record SupportListView(string Exam, string ExamName, double Cutoff, double FullMarks, IReadOnlyList<SupportStudent> Students);

/// <summary>
/// 学习困难学生帮扶: per school, the students in the city's lowest 30 % of an exam's total, with their totals in the other
/// exams they sat, so a school sees who has been behind for long and whom its help has lifted. Named, so restricted to the
/// units where the caller holds <c>exams.support-list</c> (a school, its district) and every read audited.
/// </summary>
internal sealed class SupportList(ExamsDb db, ExamAccess exams, IStudentRoster roster, OrgTree tree, ICurrentAccess access, AuditTrail audit)
{
    public async Task<SupportListView?> ForExamAsync(string code, int? schoolId, CancellationToken ct)
    {
        var exam = await exams.Visible().FirstOrDefaultAsync(e => e.Code == code, ct);
        if (exam?.Bottom30Cutoff is not { } cutoff)
        {
            return null;
        }
        var caller = access.Current;
        var within = caller.IsSystem ? null : await tree.SubtreeIdsAsync([.. caller.RootsFor(Permissions.ExamsSupportList)], ct);
        var rows = await db.Candidates.AsNoTracking()
            .Where(c => c.ExamId == exam.Id && c.Total != null && c.Total <= cutoff && (schoolId == null || c.OrgUnitId == schoolId))
            .OrderBy(c => c.OrgUnitId).ThenBy(c => c.ClassName).ThenBy(c => c.Total)
            .ToListAsync(ct);
        rows = rows.Where(c => within is null || within.Contains(c.OrgUnitId)).ToList();
        var ids = rows.Select(c => c.StudentId).ToList();
        var names = await roster.NamesAsync(ids, ct);
        var schools = await tree.NamesOfAsync(rows.Select(c => c.OrgUnitId).Distinct(), ct);
        var history = (await (from c in db.Candidates.AsNoTracking()
                              where ids.Contains(c.StudentId) && c.ExamId != exam.Id
                              join e in db.Exams.AsNoTracking() on c.ExamId equals e.Id
                              select new { c.StudentId, e.Name, e.Date, c.Total, e.Bottom30Cutoff }).ToListAsync(ct))
            .ToLookup(h => h.StudentId);
        var fullMarks = await db.Subjects.Where(s => s.ExamId == exam.Id).SumAsync(s => s.FullMarks, ct);
        if (rows.Count > 0)
        {
            await audit.RecordAsync("pii.read", "ExamSupportList", exam.Code, schoolId,
                $"后30% support list of {rows.Count} students: {string.Join(',', ids.Take(200).Select(i => i.ToString(CultureInfo.InvariantCulture)))}", ct: ct);
        }
        return new SupportListView(exam.Code, exam.Name, cutoff, fullMarks, rows.Select(c => new SupportStudent(
            c.StudentId, names.GetValueOrDefault(c.StudentId) ?? "", PersonalDataAccess.MaskStudentNumber(c.StudentNumber, unmasked: false),
            schools.GetValueOrDefault(c.OrgUnitId) ?? "", c.ClassName, c.Total!.Value,
            history[c.StudentId].OrderBy(h => h.Date).Select(h => new SupportHistory(h.Name, h.Date, h.Total, h.Total is { } t && h.Bottom30Cutoff is { } cut && t <= cut))
                .ToList())).ToList());
    }
}
