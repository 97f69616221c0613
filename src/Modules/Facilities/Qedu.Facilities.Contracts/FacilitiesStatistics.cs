namespace Qedu.Facilities.Contracts;

/// <summary>
/// One district's planning zones (学区) and how many of them the seat forecast (学位预警) shows short of entry seats in
/// any of the next years: for grade one, for grade seven, and for either.
/// </summary>
public sealed record ZoneSeatFigures(int DistrictId, int Zones, int ShortOfGradeOne, int ShortOfGradeSeven, int ShortOfEither);

/// <summary>Facilities aggregates for the indicators module: whole-city counts (the recomputation runs as the system).</summary>
public interface IFacilitiesStatistics
{
    /// <summary>Each district with planning zones: its zones and those in shortfall, by today's forecast.</summary>
    Task<IReadOnlyList<ZoneSeatFigures>> ZoneSeatsAsync(CancellationToken ct = default);
}
