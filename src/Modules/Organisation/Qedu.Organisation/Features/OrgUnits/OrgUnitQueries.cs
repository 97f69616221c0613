using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Organisation.Features.OrgUnits;

/// <summary>Filters for a list of org units (a unit's children, or every school under it).</summary>
internal sealed record OrgUnitFilter(
    OrgUnitKind? Kind = null,
    string? SchoolTypePrefix = null,
    string? OwnershipCode = null,
    string? UrbanRuralCode = null,
    string? Search = null);

/// <summary>Reads of the org tree. Every query goes through the kernel's scope filter: out of scope is simply absent.</summary>
internal sealed class OrgUnitQueries(KernelDb db, OrgTree tree, CodeBook codes)
{
    public Task<OrgUnit?> FindAsync(string code, CancellationToken ct = default) =>
        db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);

    public async Task<OrgUnitView?> GetAsync(string code, CancellationToken ct = default)
    {
        var unit = await FindAsync(code, ct);
        if (unit is null)
        {
            return null;
        }
        var children = await db.OrgUnits.CountAsync(o => o.ParentId == unit.Id, ct);
        return OrgUnitView.From(unit, await ParentCodeAsync(unit, ct), children, codes);
    }

    /// <summary>
    /// The parent's code even when the parent itself is out of scope: the hierarchy's codes are public knowledge, and a
    /// school administrator's tools need to know which district the school belongs to.
    /// </summary>
    public async Task<string?> ParentCodeAsync(OrgUnit unit, CancellationToken ct = default) =>
        unit.ParentId is int parentId ? (await tree.FindPastScopeAsync(parentId, ct))?.Code : null;

    /// <summary>Children after a code (keyset paging by code), for the API.</summary>
    public async Task<OrgUnitList> ChildrenAsync(OrgUnit parent, OrgUnitFilter filter, string? after, int limit, CancellationToken ct = default)
    {
        var query = Filter(db.OrgUnits.AsNoTracking().Where(o => o.ParentId == parent.Id), filter);
        if (after is not null)
        {
            query = query.Where(o => string.Compare(o.Code, after) > 0);
        }
        var rows = await query.OrderBy(o => o.Code).Take(limit + 1)
            .Select(o => new { Unit = o, Children = db.OrgUnits.Count(c => c.ParentId == o.Id) })
            .ToListAsync(ct);
        var items = rows.Take(limit).Select(r => OrgUnitView.From(r.Unit, parent.Code, r.Children, codes)).ToList();
        return new OrgUnitList(items, rows.Count > limit ? items[^1].Code : null);
    }

    /// <summary>The unit's children that are not schools (departments, districts...), each with the number of schools under it.</summary>
    public async Task<IReadOnlyList<(OrgUnit Unit, int Schools)>> BranchesAsync(int parentId, CancellationToken ct = default)
    {
        var rows = await db.OrgUnits.AsNoTracking()
            .Where(o => o.ParentId == parentId && o.Kind != OrgUnitKind.School)
            .OrderBy(o => o.Kind).ThenBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new
            {
                Unit = o,
                Schools = (from c in db.OrgClosure
                           join s in db.OrgUnits on c.DescendantId equals s.Id
                           where c.AncestorId == o.Id && s.Kind == OrgUnitKind.School
                           select s.Id).Count(),
            })
            .ToListAsync(ct);
        return rows.Select(r => (r.Unit, r.Schools)).ToList();
    }

    /// <summary>A page of the schools directly under a unit, filtered, in display order.</summary>
    public async Task<(IReadOnlyList<OrgUnit> Items, int Total)> SchoolsAsync(int parentId, OrgUnitFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Filter(db.OrgUnits.AsNoTracking().Where(o => o.ParentId == parentId && o.Kind == OrgUnitKind.School), filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.SchoolTypeCode).ThenBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    private static IQueryable<OrgUnit> Filter(IQueryable<OrgUnit> query, OrgUnitFilter filter)
    {
        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }
        if (!string.IsNullOrEmpty(filter.SchoolTypePrefix))
        {
            query = query.Where(o => o.SchoolTypeCode != null && o.SchoolTypeCode.StartsWith(filter.SchoolTypePrefix));
        }
        if (!string.IsNullOrEmpty(filter.OwnershipCode))
        {
            query = query.Where(o => o.OwnershipCode == filter.OwnershipCode);
        }
        if (!string.IsNullOrEmpty(filter.UrbanRuralCode))
        {
            query = query.Where(o => o.UrbanRuralCode == filter.UrbanRuralCode);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            var lower = s.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL lower(); the StringComparison overload has no translation.
            query = query.Where(o => o.Name.Contains(s) || o.Code.StartsWith(s) || (o.NameEn != null && o.NameEn.ToLower().Contains(lower)));
#pragma warning restore CA1862
        }
        return query;
    }
}
