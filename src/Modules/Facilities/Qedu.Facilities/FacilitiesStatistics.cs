using Microsoft.EntityFrameworkCore;
using Qedu.Facilities.Contracts;
using Qedu.Facilities.Data;

namespace Qedu.Facilities;

/// <summary>
/// <see cref="IFacilitiesStatistics"/>: the zones in shortfall the seeds ask the city to respond to (001-13 附件2, 001-23),
/// by the same forecast the seats page shows, over every district with zones.
/// </summary>
internal sealed class FacilitiesStatistics(FacilitiesDb db, ZoneSeatForecast forecasting) : IFacilitiesStatistics
{
    public async Task<IReadOnlyList<ZoneSeatFigures>> ZoneSeatsAsync(CancellationToken ct = default)
    {
        var districtIds = await db.Zones.AsNoTracking().Select(z => z.OrgUnitId).Distinct().ToListAsync(ct);
        var run = await forecasting.RunAsync(districtIds, ct);
        return [.. run.Zones.GroupBy(z => z.Zone.OrgUnitId).OrderBy(g => g.Key).Select(g => new ZoneSeatFigures(
            g.Key, g.Count(), g.Count(z => z.GradeOneShort), g.Count(z => z.GradeSevenShort), g.Count(z => z.Shortfall)))];
    }
}
