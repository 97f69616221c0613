using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Contracts;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Exams.Analysis;

/// <summary><see cref="IExamStatistics"/>: the school rows of an exam's computed figures (the total), turned back into counts.</summary>
internal sealed class ExamStatistics(ExamsDb db, OrgTree tree) : IExamStatistics
{
    public async Task<IReadOnlyList<ExamSchoolFigures>> LatestCityExamAsync(int year, CancellationToken ct = default)
    {
        var cities = (await tree.OfKindPastScopeAsync([OrgUnitKind.City], ct)).Select(c => c.Id).ToList();
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var exam = await db.Exams.Where(e => cities.Contains(e.OwnerUnitId) && e.Date >= from && e.Date <= to && e.AnalysedAt != null)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        if (exam is null)
        {
            return [];
        }
        // Every school's figures, whatever the caller's scope (the indicators filter what they show).
        var rows = await db.Figures.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(f => f.ExamId == exam.Id && f.Level == FigureLevel.School && f.Subject == ExamFigure.Total)
            .Select(f => new { f.OrgUnitId, f.Sat, f.PassRate, f.ExcellentRate, f.Bottom30Share })
            .ToListAsync(ct);
        return rows.Select(r => new ExamSchoolFigures(r.OrgUnitId, r.Sat, (int)Math.Round(r.PassRate * r.Sat), (int)Math.Round(r.ExcellentRate * r.Sat),
                (int)Math.Round((r.Bottom30Share ?? 0) * r.Sat)))
            .OrderBy(f => f.OrgUnitId).ToList();
    }
}
