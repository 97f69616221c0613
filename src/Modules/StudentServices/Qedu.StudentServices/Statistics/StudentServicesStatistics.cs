using Qedu.StudentServices.Contracts;

namespace Qedu.StudentServices.Statistics;

/// <summary><see cref="IStudentServicesStatistics"/>: the year's completed changes per school, from <see cref="CompletedChanges"/>.</summary>
internal sealed class StudentServicesStatistics(CompletedChanges completed) : IStudentServicesStatistics
{
    public async Task<IReadOnlyList<StatusChangeUnitFigures>> FiguresAsync(int year, CancellationToken ct = default) =>
        (await completed.BetweenAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct))
            .GroupBy(c => c.FromSchoolId)
            .Select(g => new StatusChangeUnitFigures(g.Key, g.Count(), g.Count(c => c.WithinLegal), g.Count(c => c.WithinPromised)))
            .OrderBy(f => f.OrgUnitId)
            .ToList();
}
