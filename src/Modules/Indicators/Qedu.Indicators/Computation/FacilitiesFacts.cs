using Qedu.Facilities.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The facilities module's facts, per district, by the seat forecast as it stands when computed: "seats.zones" planning
/// zones, "seats.zones-short" zones short of entry seats in any of the next years (grade one or grade seven), and
/// "seats.zones-short-grade-one" and "seats.zones-short-grade-seven" by entry grade.
/// </summary>
internal sealed class FacilitiesFacts(IFacilitiesStatistics facilities) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        foreach (var z in await facilities.ZoneSeatsAsync(ct))
        {
            if (context.Units.ContainsKey(z.DistrictId))
            {
                context.Facts.Add(z.DistrictId, "seats.zones", z.Zones);
                context.Facts.Add(z.DistrictId, "seats.zones-short", z.ShortOfEither);
                context.Facts.Add(z.DistrictId, "seats.zones-short-grade-one", z.ShortOfGradeOne);
                context.Facts.Add(z.DistrictId, "seats.zones-short-grade-seven", z.ShortOfGradeSeven);
            }
        }
    }
}
