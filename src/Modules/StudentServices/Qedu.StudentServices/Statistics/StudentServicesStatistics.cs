using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.StudentServices.Contracts;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Statistics;

/// <summary><see cref="IStudentServicesStatistics"/>: the year's completed changes and ratings per school, from <see cref="CompletedChanges"/>.</summary>
internal sealed class StudentServicesStatistics(CompletedChanges completed, StudentServicesDb db) : IStudentServicesStatistics
{
    public async Task<IReadOnlyList<DropoutUnitFigures>> DropoutsAsync(int year, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        // Figures of every school, whatever the caller's scope (the indicators filter what they show).
        var cases = await db.Dropouts.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(c => c.ReportedOn <= to && (c.EndedOn == null || c.EndedOn >= from))
            .Select(c => new { c.OrgUnitId, c.ReportedOn, c.State, c.EndedOn })
            .ToListAsync(ct);
        return cases.GroupBy(c => c.OrgUnitId)
            .Select(g => new DropoutUnitFigures(g.Key,
                g.Count(c => c.ReportedOn >= from),
                g.Count(c => c.ReportedOn >= from && c.State == DropoutState.Returned && c.EndedOn <= to),
                g.Count(c => c.EndedOn == null || c.EndedOn > to)))
            .OrderBy(f => f.OrgUnitId)
            .ToList();
    }

    public async Task<IReadOnlyList<StatusChangeUnitFigures>> FiguresAsync(int year, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var changes = (await completed.BetweenAsync(from, to, ct: ct)).ToLookup(c => c.FromSchoolId);
        var ratings = (await completed.RatingsBetweenAsync(from, to, ct: ct)).ToLookup(r => r.SchoolId);
        return changes.Select(g => g.Key).Union(ratings.Select(g => g.Key))
            .Select(school =>
            {
                var f = ServiceFigures.Of([.. changes[school]], [.. ratings[school]]);
                return new StatusChangeUnitFigures(school, f.Completed, f.WithinLegal, f.WithinPromised, f.ZeroTrip, f.Rated, f.RatedGood);
            })
            .OrderBy(f => f.OrgUnitId)
            .ToList();
    }
}
