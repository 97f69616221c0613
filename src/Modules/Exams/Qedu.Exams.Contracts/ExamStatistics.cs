namespace Qedu.Exams.Contracts;

/// <summary>
/// One school's results in a city-wide exam, as counts of students with a total (every subject sat): how many reached the
/// pass and the excellent threshold of the total, and how many were in the city's lowest 30 %. Counts only, never a child.
/// </summary>
/// <param name="OrgUnitId">The school the students sat at.</param>
/// <param name="Sat">Students with a total.</param>
/// <param name="Passed">Of those, at or above the exam's pass share of full marks.</param>
/// <param name="Excellent">Of those, at or above the excellent share.</param>
/// <param name="Bottom30">Of those, at or below the city's 30th percentile (后30%).</param>
public sealed record ExamSchoolFigures(int OrgUnitId, int Sat, int Passed, int Excellent, int Bottom30);

/// <summary>
/// Exam aggregates for the indicators module: whole-city counts that a recomputation turns into per-unit snapshots
/// (scope-filtered when read), so they ignore the caller's scope.
/// </summary>
public interface IExamStatistics
{
    /// <summary>The figures of the year's latest exam run by the city (its date in <paramref name="year"/>), per school; empty when none.</summary>
    Task<IReadOnlyList<ExamSchoolFigures>> LatestCityExamAsync(int year, CancellationToken ct = default);
}
