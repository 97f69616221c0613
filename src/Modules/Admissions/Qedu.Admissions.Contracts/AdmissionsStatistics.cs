namespace Qedu.Admissions.Contracts;

/// <summary>
/// One unit's admissions figures for the seasons that closed in a year. Counts only, never a child. Applications
/// (submitted, approved, verified) count at their zone school, or at the season's bureau when no zone holds the home;
/// offers and acceptances at the offered school; the unplaced (待统筹) at the bureau; seats at each taking part school.
/// </summary>
/// <param name="OrgUnitId">A school or the season's bureau.</param>
/// <param name="Applications">Submitted applications (every status but draft).</param>
/// <param name="Approved">Applications that passed review (approved, and everything that follows it: offered, unplaced, accepted, declined).</param>
/// <param name="Offered">Seats offered here (offered, accepted, declined).</param>
/// <param name="Accepted">Offers the families accepted.</param>
/// <param name="Unplaced">Children the allocation placed nowhere and still waiting for the district (待统筹).</param>
/// <param name="Verified">Submitted applications whose every stated fact (户籍, 房产, 社保) the agencies' files verified.</param>
/// <param name="Seats">Seats the school offered in the seasons (招生计划).</param>
public sealed record AdmissionsUnitFigures(
    int OrgUnitId, int Applications, int Approved, int Offered, int Accepted, int Unplaced, int Verified, int Seats);

/// <summary>
/// Admissions aggregates for the indicators module: whole-city counts that a recomputation turns into per-unit
/// snapshots (scope-filtered when read), so they ignore the caller's scope.
/// </summary>
public interface IAdmissionsStatistics
{
    /// <summary>
    /// The figures of every season whose application window closes in <paramref name="year"/> (China time), per unit
    /// (units without any figure are left out).
    /// </summary>
    Task<IReadOnlyList<AdmissionsUnitFigures>> FiguresAsync(int year, CancellationToken ct = default);
}
