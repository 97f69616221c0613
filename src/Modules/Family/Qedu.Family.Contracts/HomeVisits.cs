namespace Qedu.Family.Contracts;

/// <summary>
/// One school's home-visit coverage (万名教师温情家访) in a school year: students on the roll of its classes now, and of
/// those how many had at least one visit done that school year. Counts only, never a child.
/// </summary>
public sealed record VisitCoverageFigures(int SchoolId, int Students, int Visited);

/// <summary>
/// A child's home visits as another module may show them: visits done (all years), visits planned and not yet done,
/// the last done and the next planned, and the address of the child's visits page (which decides what it shows to whom).
/// No notes, no participants.
/// </summary>
public sealed record StudentVisitSummary(long StudentId, int Done, int Planned, DateOnly? LastVisitedOn, DateOnly? NextPlannedOn, string Link);

/// <summary>Home visits (家访) for other modules: figures for the indicators, a child's summary for the care ledger.</summary>
public interface IHomeVisits
{
    /// <summary>
    /// Each school's coverage in the school year that began on 1 September of <paramref name="schoolYear"/>, by the same
    /// rule as the visits page: the whole city for the recomputation (run as the system), the caller's scope otherwise.
    /// </summary>
    Task<IReadOnlyList<VisitCoverageFigures>> CoverageAsync(int schoolYear, CancellationToken ct = default);

    /// <summary>
    /// The child's visits at <paramref name="schoolId"/>, when the caller may read that school's visits (visits.read);
    /// null otherwise.
    /// </summary>
    Task<StudentVisitSummary?> OfStudentAsync(int schoolId, long studentId, CancellationToken ct = default);
}
