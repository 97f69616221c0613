using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Resources.Data;
using Qedu.Resources.Domain;

namespace Qedu.Resources;

/// <summary>
/// Where the caller reads published resources: everywhere (a city grant), the districts it administers (every item of
/// their schools), the districts its schools are in (items shared district-wide), and its own schools.
/// </summary>
internal sealed record ResourceReader(bool Everywhere, IReadOnlyList<int> Districts, IReadOnlyList<int> MemberOfDistricts, IReadOnlyList<int> Schools);

/// <summary>
/// Which resources, pairings and units a request may touch. An item in the caller's scope (its school, district or the
/// city) is read as usual; a published item shared wider than its own unit is read past the scope by its reach (a school's
/// item shared with its district is read by the district's other schools). Anything else answers as unknown (404).
/// </summary>
internal sealed class ResourcesAccess(ResourcesDb db, OrgTree tree, ICurrentAccess access)
{
    public AccessContext Caller => access.Current;

    /// <summary>Whether the caller holds <paramref name="permission"/> over <paramref name="unitId"/>.</summary>
    public async Task<bool> MayAsync(string permission, int unitId, CancellationToken ct) =>
        Caller.Has(permission) && (await tree.WithinScopeAsync(Caller, permission, [unitId], ct)).Contains(unitId);

    /// <summary>The unit of the caller's grant of <paramref name="permission"/> highest in the tree (its home for ratings and uploads).</summary>
    public async Task<OrgUnit?> HomeAsync(string permission, CancellationToken ct) =>
        await tree.HighestGrantAsync(Caller, permission, ct) is int id ? await tree.FindAsync(id, ct) : null;

    /// <summary>Where the caller reads published resources (resources.read grants).</summary>
    public async Task<ResourceReader> ReaderAsync(CancellationToken ct)
    {
        if (Caller.IsSystem)
        {
            return new ResourceReader(true, [], [], []);
        }
        var districts = new List<int>();
        var memberOf = new List<int>();
        var schools = new List<int>();
        foreach (var grant in Caller.Grants.Where(g => g.Permissions.Contains(Permissions.ResourcesRead)))
        {
            var unit = await tree.FindAsync(grant.OrgUnitId, ct);
            switch (unit?.Kind)
            {
                case OrgUnitKind.City or OrgUnitKind.Province or OrgUnitKind.Ministry:
                    return new ResourceReader(true, [], [], []);
                case OrgUnitKind.District:
                    districts.Add(unit.Id);
                    break;
                case OrgUnitKind.School:
                    schools.Add(unit.Id);
                    if (await tree.NearestAboveAsync(unit.Id, [OrgUnitKind.District], ct) is { } district)
                    {
                        memberOf.Add(district.Id);
                    }
                    break;
            }
        }
        return new ResourceReader(false, districts, memberOf, schools);
    }

    /// <summary>
    /// Published items the reader may see, past the scope by their reach: the city's reach to all, a district's reach to
    /// the district's schools, a school's reach to the school (and the bureaus above it).
    /// </summary>
    public IQueryable<ResourceItem> Published(ResourceReader reader)
    {
        var query = db.Items.IgnoreQueryFilters([ScopeFilter.Name]).Where(i => i.State == ResourceState.Published);
        if (reader.Everywhere)
        {
            return query;
        }
        var districts = reader.Districts;
        var memberOf = reader.MemberOfDistricts;
        var schools = reader.Schools;
        return query.Where(i => i.Reach == ResourceReach.City
            || (i.DistrictId != null && districts.Contains(i.DistrictId.Value))
            || (i.Reach == ResourceReach.District && i.DistrictId != null && memberOf.Contains(i.DistrictId.Value))
            || schools.Contains(i.OrgUnitId));
    }

    /// <summary>An item the caller may open: in its scope (any state), or published within its reach; else null.</summary>
    public async Task<ResourceItem?> ItemAsync(long id, CancellationToken ct)
    {
        if (!Caller.Has(Permissions.ResourcesRead))
        {
            return null;
        }
        return await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? await Published(await ReaderAsync(ct)).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
    }

    /// <summary>The bureau over a unit of <paramref name="kind"/> (the unit itself when it is one), or null.</summary>
    public async Task<OrgUnit?> AboveAsync(OrgUnit unit, OrgUnitKind kind, CancellationToken ct) =>
        unit.Kind == kind ? unit : await tree.NearestAboveAsync(unit.Id, [kind], ct);
}
