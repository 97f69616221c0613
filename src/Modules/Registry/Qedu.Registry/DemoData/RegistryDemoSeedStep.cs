using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.DemoData;

/// <summary>The registry's part of the demo city: a profile for every demo school.</summary>
internal sealed class RegistryDemoSeedStep(RegistryDb db, KernelDb kernel) : IDemoSeedStep
{
    public int Order => 10;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        var ids = await kernel.OrgUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.School)
            .ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var schools = context.Orgs.Where(o => o.Kind == OrgUnitKind.School && ids.ContainsKey(o.Code)).ToList();
        context.Progress?.Report($"school profiles: {schools.Count}");
        var n = 0;
        foreach (var school in schools)
        {
            db.SchoolProfiles.Add(new SchoolProfile
            {
                OrgUnitId = ids[school.Code],
                Address = school.Address,
                Latitude = school.Latitude,
                Longitude = school.Longitude,
                CapacitySeats = school.CapacitySeats,
                Phone = $"0532-8{(n++ % 9000000) + 1000000}",
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
