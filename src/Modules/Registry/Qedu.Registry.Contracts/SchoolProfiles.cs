namespace Qedu.Registry.Contracts;

/// <summary>A school's details beyond its org unit: where it is and how many pupils it has seats for.</summary>
public sealed record SchoolProfileDto(
    string OrgCode,
    string? Address,
    double? Latitude,
    double? Longitude,
    int? CapacitySeats,
    string? Phone,
    string? Website);

/// <summary>Reads school profiles within the caller's scope (null when there is none or it is out of scope).</summary>
public interface ISchoolProfiles
{
    Task<SchoolProfileDto?> FindAsync(int orgUnitId, string orgCode, CancellationToken ct = default);

    /// <summary>Where these schools are, for those with coordinates in their profile and within the caller's scope (a map).</summary>
    Task<IReadOnlyList<SchoolPlace>> PlacesAsync(IReadOnlyCollection<int> orgUnitIds, CancellationToken ct = default);
}

/// <summary>A school's position (WGS 84 degrees) from its profile.</summary>
public sealed record SchoolPlace(int OrgUnitId, double Latitude, double Longitude);
