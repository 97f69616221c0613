namespace Qedu.Family.Contracts;

/// <summary>
/// One open school's parent committees (家长委员会) in a school year: whether its own committee is formed, how many of its
/// classes have one. Counts only.
/// </summary>
public sealed record CommitteeFigures(int SchoolId, bool SchoolCommittee, int ClassCommittees);

/// <summary>Family–school cooperation (家校共育) for other modules: figures for the indicators.</summary>
public interface IFamilySchool
{
    /// <summary>
    /// Every open school's committees in the school year that began on 1 September of <paramref name="schoolYear"/>, by
    /// the committees page's rule: the whole city for the recomputation (run as the system), the caller's scope otherwise.
    /// </summary>
    Task<IReadOnlyList<CommitteeFigures>> CommitteesAsync(int schoolYear, CancellationToken ct = default);
}
