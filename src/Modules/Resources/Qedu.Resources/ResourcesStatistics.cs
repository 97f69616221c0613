using Microsoft.EntityFrameworkCore;
using Qedu.Resources.Contracts;
using Qedu.Resources.Data;

namespace Qedu.Resources;

/// <summary>
/// <see cref="IResourcesStatistics"/>: the rural side of every pairing in force during the year, with the sessions it held
/// that year (001-27: 同步课堂 in every rural school, pairing 100 %). Run as the system: the whole city.
/// </summary>
internal sealed class ResourcesStatistics(ResourcesDb db) : IResourcesStatistics
{
    public async Task<IReadOnlyList<RuralSyncFigures>> RuralSyncAsync(int year, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var paired = await db.Pairings.AsNoTracking().Where(p => p.StartsOn <= last && (p.EndsOn == null || p.EndsOn >= first))
            .Select(p => p.OrgUnitId).Distinct().ToListAsync(ct);
        var held = (await db.Sessions.AsNoTracking().Where(s => s.Held && s.On >= first && s.On <= last)
            .GroupBy(s => s.OrgUnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count);
        return [.. paired.Union(held.Keys).Order().Select(id => new RuralSyncFigures(id, paired.Contains(id), held.GetValueOrDefault(id)))];
    }
}
