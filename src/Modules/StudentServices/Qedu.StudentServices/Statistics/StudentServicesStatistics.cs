using Qedu.StudentServices.Contracts;

namespace Qedu.StudentServices.Statistics;

/// <summary><see cref="IStudentServicesStatistics"/>: the year's completed changes and ratings per school, from <see cref="CompletedChanges"/>.</summary>
internal sealed class StudentServicesStatistics(CompletedChanges completed) : IStudentServicesStatistics
{
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
