using Qedu.Growth.Contracts;
using Qedu.Growth.Health;

namespace Qedu.Growth;

/// <summary>
/// <see cref="IGrowthStatistics"/>: the health figures the seeds' plan targets bind to (体质健康达标率, 优良率, 近视率),
/// counted per school of the school year that began in the period's year, from <see cref="HealthTally"/>.
/// </summary>
internal sealed class GrowthStatistics(HealthTally tally) : IGrowthStatistics
{
    public async Task<IReadOnlyList<FitnessSchoolFigures>> FitnessAsync(int year, CancellationToken ct = default) =>
        [.. (await tally.BySchoolAsync(year, ct)).Where(c => c.Value.Tested > 0).OrderBy(c => c.Key)
            .Select(c => new FitnessSchoolFigures(c.Key, c.Value.Tested, c.Value.Passed, c.Value.Good, c.Value.Excellent))];

    public async Task<IReadOnlyList<VisionSchoolFigures>> VisionAsync(int year, CancellationToken ct = default) =>
        [.. (await tally.BySchoolAsync(year, ct)).Where(c => c.Value.Screened > 0).OrderBy(c => c.Key)
            .Select(c => new VisionSchoolFigures(c.Key, c.Value.Screened, c.Value.PoorVision, c.Value.Myopic))];
}
