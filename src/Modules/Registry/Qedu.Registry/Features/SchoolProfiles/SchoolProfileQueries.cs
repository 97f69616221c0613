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
}
