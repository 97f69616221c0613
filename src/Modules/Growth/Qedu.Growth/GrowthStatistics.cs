using Microsoft.EntityFrameworkCore;
using Qedu.Growth.Contracts;
using Qedu.Growth.Health;

namespace Qedu.Growth;

/// <summary>
/// <see cref="IGrowthStatistics"/>: the health figures the seeds' plan targets bind to (体质健康达标率, 优良率, 近视率),
/// counted per school of the school year that began in the period's year, from <see cref="HealthTally"/>; and the
/// students in hardship awarded aid (资助全覆盖).
/// </summary>
internal sealed class GrowthStatistics(HealthTally tally, Data.GrowthDb db, Qedu.Registry.Contracts.IRegistryStatistics registry) : IGrowthStatistics
{
    public async Task<IReadOnlyList<AidSchoolFigures>> AidAsync(int year, CancellationToken ct = default) =>
        [.. (await db.AidApplications.AsNoTracking()
                .Where(a => a.SchoolYear == year && a.State == Domain.AidState.Awarded && a.Basis == Rules.AidRules.Hardship)
                .Select(a => new { a.OrgUnitId, a.StudentId }).Distinct().GroupBy(a => a.OrgUnitId)
                .Select(g => new { School = g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.School).Select(g => new AidSchoolFigures(g.School, g.Count))];

    public async Task<IReadOnlyList<CareSchoolFigures>> CareAsync(CancellationToken ct = default)
    {
        var rooms = (await db.CareRooms.AsNoTracking().Select(r => r.OrgUnitId).ToListAsync(ct)).ToHashSet();
        var ledgers = await db.CareLedgers.AsNoTracking().Where(l => l.ClosedOn == null).GroupBy(l => l.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var leftBehind = (await registry.HeadcountsAsync(ct)).GroupBy(h => h.SchoolId).ToDictionary(g => g.Key, g => g.Sum(h => h.LeftBehind));
        return [.. rooms.Union(ledgers.Keys).Union(leftBehind.Where(l => l.Value > 0).Select(l => l.Key)).Order()
            .Select(s => new CareSchoolFigures(s, leftBehind.GetValueOrDefault(s), rooms.Contains(s), ledgers.GetValueOrDefault(s)))];
    }

    public async Task<IReadOnlyList<FitnessSchoolFigures>> FitnessAsync(int year, CancellationToken ct = default) =>
        [.. (await tally.BySchoolAsync(year, null, ct)).Where(c => c.Value.Tested > 0).OrderBy(c => c.Key)
            .Select(c => new FitnessSchoolFigures(c.Key, c.Value.Tested, c.Value.Passed, c.Value.Good, c.Value.Excellent))];

    public async Task<IReadOnlyList<VisionSchoolFigures>> VisionAsync(int year, CancellationToken ct = default) =>
        [.. (await tally.BySchoolAsync(year, null, ct)).Where(c => c.Value.Screened > 0).OrderBy(c => c.Key)
            .Select(c => new VisionSchoolFigures(c.Key, c.Value.Screened, c.Value.PoorVision, c.Value.Myopic))];
}
