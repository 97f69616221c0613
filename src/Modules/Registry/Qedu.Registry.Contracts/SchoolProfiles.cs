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
}
