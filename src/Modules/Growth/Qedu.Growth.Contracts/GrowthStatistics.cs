namespace Qedu.Growth.Contracts;

/// <summary>
/// One school's physical-fitness results (体质健康) of a school year: students tested (not exempt), and of those how many
/// reached 及格 (60 or more, the standard's 达标), 良好 or better (80+) and 优秀 (90+), by the national standard's total.
/// </summary>
public sealed record FitnessSchoolFigures(int OrgUnitId, int Tested, int Passed, int GoodOrBetter, int Excellent);

/// <summary>
/// One school's vision screening of a school year: students screened, of those with 视力不良 (uncorrected acuity under 5.0
/// in either eye) and with 筛查性近视 (the screening rule: poor acuity with a myopic refraction, or glasses).
/// </summary>
public sealed record VisionSchoolFigures(int OrgUnitId, int Screened, int PoorVision, int Myopic);

/// <summary>
/// One school's student aid of a school year: students awarded aid on the ground of family hardship (the registry's flag;
/// 建档立卡 and 低保 families among them), each counted once whatever the schemes.
/// </summary>
public sealed record AidSchoolFigures(int OrgUnitId, int HardshipAwarded);

/// <summary>
/// One school's care for left-behind children now: its enrolled left-behind children (the registry's flag), whether it
/// has a care room (留守儿童关爱室), and how many open care ledgers (关爱帮扶台账) it keeps.
/// </summary>
public sealed record CareSchoolFigures(int OrgUnitId, int LeftBehind, bool Room, int Ledgers);

/// <summary>Growth and health aggregates for the indicators module: whole-city counts (the recomputation runs as the system).</summary>
public interface IGrowthStatistics
{
    /// <summary>Each school's fitness results of the school year that began in <paramref name="year"/> (tested that autumn, reported by 31 December).</summary>
    Task<IReadOnlyList<FitnessSchoolFigures>> FitnessAsync(int year, CancellationToken ct = default);

    /// <summary>Each school's vision screening of the school year that began in <paramref name="year"/>.</summary>
    Task<IReadOnlyList<VisionSchoolFigures>> VisionAsync(int year, CancellationToken ct = default);

    /// <summary>Each school's students in hardship awarded aid in the school year that began in <paramref name="year"/>.</summary>
    Task<IReadOnlyList<AidSchoolFigures>> AidAsync(int year, CancellationToken ct = default);

    /// <summary>Each school with left-behind children, a care room or open care ledgers, as they stand now.</summary>
    Task<IReadOnlyList<CareSchoolFigures>> CareAsync(CancellationToken ct = default);
}
