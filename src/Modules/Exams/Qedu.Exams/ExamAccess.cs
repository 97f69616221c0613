using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Exams;

/// <summary>
/// Who sees and runs an exam. An exam is seen by every unit with figures in it (the city's exam by each district and
/// school that sat it: the figures are scoped rows, so the scope decides), and changed only by the exam managers of the
/// bureau that ran it.
/// </summary>
internal sealed class ExamAccess(ExamsDb db, OrgTree tree, ICurrentAccess access)
{
    public IQueryable<Exam> Visible() => db.Exams.Where(e => db.Figures.Any(f => f.ExamId == e.Id));

    public Task<bool> MayManageAsync(Exam exam, CancellationToken ct) => MayManageAsync(exam.OwnerUnitId, ct);

    /// <summary>Whether the caller manages the exams of <paramref name="ownerUnitId"/> (the bureau that ran the exam).</summary>
    public async Task<bool> MayManageAsync(int ownerUnitId, CancellationToken ct)
    {
        var caller = access.Current;
        return caller.IsSystem || (await tree.WithinScopeAsync(caller, Permissions.ExamsManage, [ownerUnitId], ct)).Count == 1;
    }

    /// <summary>Whether the caller prints the score reports (成绩报告单) of a school's students (<c>exams.score-reports</c> over the school).</summary>
    public async Task<bool> MayPrintReportsAsync(int schoolId, CancellationToken ct)
    {
        var caller = access.Current;
        return caller.IsSystem || (await tree.WithinScopeAsync(caller, Permissions.ExamsScoreReports, [schoolId], ct)).Count == 1;
    }
}
