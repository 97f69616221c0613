using Microsoft.EntityFrameworkCore;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;

namespace Qedu.Registry.Features.SchoolProfiles;

/// <summary>School profiles as other modules and the API see them; scope-filtered by the kernel.</summary>
internal sealed class SchoolProfileQueries(RegistryDb db) : ISchoolProfiles
{
    public async Task<SchoolProfileDto?> FindAsync(int orgUnitId, string orgCode, CancellationToken ct = default)
    {
        var p = await db.SchoolProfiles.AsNoTracking().FirstOrDefaultAsync(s => s.OrgUnitId == orgUnitId, ct);
        return p is null ? null : new SchoolProfileDto(orgCode, p.Address, p.Latitude, p.Longitude, p.CapacitySeats, p.Phone, p.Website);
    }

    public async Task<IReadOnlyList<SchoolPlace>> PlacesAsync(IReadOnlyCollection<int> orgUnitIds, CancellationToken ct = default)
    {
        var places = new List<SchoolPlace>();
        foreach (var chunk in orgUnitIds.Distinct().Chunk(2000))
        {
            places.AddRange(await db.SchoolProfiles.AsNoTracking()
                .Where(p => chunk.Contains(p.OrgUnitId) && p.Latitude != null && p.Longitude != null)
                .Select(p => new SchoolPlace(p.OrgUnitId, p.Latitude!.Value, p.Longitude!.Value)).ToListAsync(ct));
        }
        return places;
    }
}
