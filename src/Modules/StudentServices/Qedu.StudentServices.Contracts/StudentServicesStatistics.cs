namespace Qedu.StudentServices.Contracts;

/// <summary>
/// One school's status changes (学籍异动) in a year and their ratings, counted at the student's school when the change was asked for.
/// Counts only, never a child.
/// </summary>
/// <param name="OrgUnitId">The school the students were at.</param>
/// <param name="Completed">Changes completed in the year.</param>
/// <param name="WithinLegal">Of those, completed within the legal (法定) limit in working days, returns for correction not counted.</param>
/// <param name="WithinPromised">Of those, completed within the promised (承诺) limit.</param>
/// <param name="ZeroTrip">Of those, asked for online by a guardian: no trip to any office (零跑腿).</param>
/// <param name="Rated">Ratings (好差评) given in the year to the school's changes.</param>
/// <param name="RatedGood">Of those, 4 or 5 of 5 (好评).</param>
public sealed record StatusChangeUnitFigures(int OrgUnitId, int Completed, int WithinLegal, int WithinPromised, int ZeroTrip, int Rated, int RatedGood);

/// <summary>One school's dropout cases (控辍保学) of a year: counts only, never a child.</summary>
/// <param name="OrgUnitId">The school that reported them.</param>
/// <param name="Reported">Cases reported in the year.</param>
/// <param name="Returned">Of those, the child back in school (劝返复学) by the year's end.</param>
/// <param name="OpenAtEnd">Cases open at the year's end (any year reported): children still out of school.</param>
public sealed record DropoutUnitFigures(int OrgUnitId, int Reported, int Returned, int OpenAtEnd);

/// <summary>
/// Student-services aggregates for the indicators module: whole-city counts that a recomputation turns into per-unit
/// snapshots (scope-filtered when read), so they ignore the caller's scope.
/// </summary>
public interface IStudentServicesStatistics
{
    /// <summary>The figures of the changes completed in <paramref name="year"/> (China dates), per school with any.</summary>
    Task<IReadOnlyList<StatusChangeUnitFigures>> FiguresAsync(int year, CancellationToken ct = default);

    /// <summary>The dropout cases of <paramref name="year"/>, per school with any (today's open ones for the current year).</summary>
    Task<IReadOnlyList<DropoutUnitFigures>> DropoutsAsync(int year, CancellationToken ct = default);
}
