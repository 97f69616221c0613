using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.OrgUnits;

/// <summary>
/// Adds org units and keeps the closure table in step; reads units, paths and subtrees. The kernel's data surface for
/// org units: modules ask here instead of reading <see cref="KernelDb"/> (an architecture test holds that). Reads are
/// scope-filtered unless their comment says why a read past the scope is safe.
/// </summary>
public sealed class OrgTree(Deferred<KernelDb> kernel, OrgCodes? codes = null)
{
    // The kernel's context is built on first use: labelling rows from OrgCodes needs none.
    private KernelDb Db => kernel.Value;
    private readonly OrgCodes _codes = codes ?? new OrgCodes();

    // SQLite allows a limited number of parameters in one statement: long id lists are read in chunks.
    private const int Chunk = 2000;

    /// <summary>Adds a unit under its parent (already validated by the caller) together with its ancestry rows.</summary>
    public async Task<OrgUnit> AddAsync(OrgUnit unit, CancellationToken ct = default)
    {
        var ownTransaction = Db.Database.CurrentTransaction is null ? await Db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            Db.OrgUnits.Add(unit);
            await Db.SaveChangesAsync(ct);
            var ancestors = unit.ParentId is int parent
                ? await Db.OrgClosure.Where(c => c.DescendantId == parent).ToListAsync(ct)
                : [];
            Db.OrgClosure.Add(new OrgClosure { AncestorId = unit.Id, DescendantId = unit.Id, Depth = 0 });
            Db.OrgClosure.AddRange(ancestors.Select(a => new OrgClosure { AncestorId = a.AncestorId, DescendantId = unit.Id, Depth = a.Depth + 1 }));
            await Db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
            return unit;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Closure rows for a whole set of units given parent links (bulk loading).</summary>
    public static IEnumerable<OrgClosure> ClosureOf(IReadOnlyCollection<OrgUnit> units)
    {
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        foreach (var unit in units)
        {
            var depth = 0;
            int? current = unit.Id;
            while (current is int id)
            {
                yield return new OrgClosure { AncestorId = id, DescendantId = unit.Id, Depth = depth++ };
                current = parentOf.TryGetValue(id, out var p) ? p : null;
            }
        }
    }

    /// <summary>The unit with its code, if the caller may see it.</summary>
    public Task<OrgUnit?> FindAsync(string code, CancellationToken ct = default) =>
        Db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);

    /// <summary>
    /// The codes of these units, read past the scope filter: for labelling rows the caller has already been allowed to
    /// see (a row inside the caller's scope names its own unit; a code reveals nothing further). Codes are remembered
    /// for the process (<see cref="OrgCodes"/>: a code never changes), so only units not seen before are read.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> CodesOfAsync(IEnumerable<int> orgUnitIds, CancellationToken ct = default)
    {
        var result = new Dictionary<int, string>();
        List<int>? unseen = null;
        foreach (var id in orgUnitIds)
        {
            if (_codes.TryGetCode(id, out var code))
            {
                result[id] = code;
            }
            else
            {
                (unseen ??= []).Add(id);
            }
        }
        if (unseen is not null)
        {
            foreach (var (id, unit) in await UnitsOfAsync(unseen, ct))
            {
                _codes.Add(id, unit.Code);
                result[id] = unit.Code;
            }
        }
        return result;
    }

    /// <summary>The names of these units, read past the scope filter on the same grounds as <see cref="CodesOfAsync"/>.</summary>
    public async Task<IReadOnlyDictionary<int, string>> NamesOfAsync(IEnumerable<int> orgUnitIds, CancellationToken ct = default) =>
        (await UnitsOfAsync(orgUnitIds, ct)).ToDictionary(u => u.Key, u => u.Value.Name);

    /// <summary>The units themselves (names for a page), read past the scope filter on the same grounds as <see cref="CodesOfAsync"/>.</summary>
    public async Task<IReadOnlyDictionary<int, OrgUnit>> UnitsOfAsync(IEnumerable<int> orgUnitIds, CancellationToken ct = default)
    {
        var result = new Dictionary<int, OrgUnit>();
        foreach (var chunk in orgUnitIds.Distinct().Chunk(Chunk))
        {
            foreach (var unit in await Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(o => chunk.Contains(o.Id)).ToListAsync(ct))
            {
                result[unit.Id] = unit;
            }
        }
        return result;
    }

    /// <summary>The unit with this id, if the caller may see it.</summary>
    public Task<OrgUnit?> FindAsync(int orgUnitId, CancellationToken ct = default) =>
        Db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgUnitId, ct);

    /// <summary>
    /// The unit with this code, read past the scope filter: for callers that then check the unit against their own grants
    /// (and answer "out of scope" and "unknown" alike), or that only label with it.
    /// </summary>
    public Task<OrgUnit?> FindPastScopeAsync(string code, CancellationToken ct = default) =>
        Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);

    /// <summary>The unit with this id, read past the scope filter on the same grounds as <see cref="CodesOfAsync"/>.</summary>
    public Task<OrgUnit?> FindPastScopeAsync(int orgUnitId, CancellationToken ct = default) =>
        Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgUnitId, ct);

    /// <summary>Those of these units the caller may see, by id.</summary>
    public async Task<IReadOnlyDictionary<int, OrgUnit>> VisibleAsync(IEnumerable<int> orgUnitIds, CancellationToken ct = default)
    {
        var ids = orgUnitIds.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, OrgUnit>()
            : await Db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
    }

    /// <summary>The units of these kinds the caller may see, optionally only those in <paramref name="under"/>'s subtree (itself included), by code.</summary>
    public async Task<IReadOnlyList<OrgUnit>> OfKindAsync(IReadOnlyCollection<OrgUnitKind> kinds, int? under = null, CancellationToken ct = default)
    {
        var list = kinds.ToList();
        return await Db.OrgUnits.AsNoTracking()
            .Where(o => list.Contains(o.Kind) && (under == null || Db.OrgClosure.Any(c => c.AncestorId == under && c.DescendantId == o.Id)))
            .OrderBy(o => o.Code)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Every unit of these kinds, read past the scope filter: for importers and whole-city computations, where a code
    /// outside the caller's scope must read "out of scope" (checked against the grants after), not "unknown".
    /// </summary>
    public async Task<IReadOnlyList<OrgUnit>> OfKindPastScopeAsync(IReadOnlyCollection<OrgUnitKind> kinds, CancellationToken ct = default)
    {
        var list = kinds.ToList();
        return await Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(o => list.Contains(o.Kind)).ToListAsync(ct);
    }

    /// <summary>The ids of the units with these codes, read past the scope filter: for matching codes from another instance (a mirror runs as the system).</summary>
    public async Task<IReadOnlyDictionary<string, int>> IdsOfCodesPastScopeAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in codes.Distinct().Chunk(Chunk))
        {
            foreach (var o in await Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(o => chunk.Contains(o.Code)).Select(o => new { o.Code, o.Id }).ToListAsync(ct))
            {
                result[o.Code] = o.Id;
            }
        }
        return result;
    }

    /// <summary>The children of this unit the caller may see.</summary>
    public async Task<IReadOnlyList<OrgUnit>> ChildrenAsync(int parentId, CancellationToken ct = default) =>
        await Db.OrgUnits.AsNoTracking().Where(o => o.ParentId == parentId).ToListAsync(ct);

    /// <summary>
    /// The children of these units that are of these kinds, read past the scope filter: a unit group assigned to a
    /// task names its members, which the caller sees as names only (names are not scoped data).
    /// </summary>
    public async Task<IReadOnlyList<OrgUnit>> ChildrenPastScopeAsync(IReadOnlyCollection<int> parentIds, IReadOnlyCollection<OrgUnitKind> kinds, CancellationToken ct = default)
    {
        if (parentIds.Count == 0 || kinds.Count == 0)
        {
            return [];
        }
        var parents = parentIds.Select(p => (int?)p).ToList();
        var list = kinds.ToList();
        return await Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(o => parents.Contains(o.ParentId) && list.Contains(o.Kind)).ToListAsync(ct);
    }

    /// <summary>
    /// The units of this kind strictly below <paramref name="ancestorId"/>, by code, read past the scope filter: the
    /// caller has been checked to manage the ancestor, whose whole subtree that grant covers.
    /// </summary>
    public async Task<IReadOnlyList<OrgUnit>> BelowPastScopeAsync(int ancestorId, OrgUnitKind kind, CancellationToken ct = default)
    {
        var below = Db.OrgClosure.Where(c => c.AncestorId == ancestorId && c.Depth > 0).Select(c => c.DescendantId);
        return await Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(u => below.Contains(u.Id) && u.Kind == kind)
            .OrderBy(u => u.Code)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The id of the unit with this code in <paramref name="ancestorId"/>'s subtree (itself included), read past the
    /// scope filter: the subtree is the one the caller has been checked to manage.
    /// </summary>
    public Task<int?> FindUnderPastScopeAsync(int ancestorId, string code, CancellationToken ct = default) =>
        (from u in Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name])
         join c in Db.OrgClosure on u.Id equals c.DescendantId
         where u.Code == code && c.AncestorId == ancestorId
         select (int?)u.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The nearest unit of these kinds above <paramref name="orgUnitId"/> (itself excluded), read past the scope filter:
    /// naming the bureau over a unit the caller sees reveals nothing further.
    /// </summary>
    public async Task<OrgUnit?> NearestAboveAsync(int orgUnitId, IReadOnlyCollection<OrgUnitKind> kinds, CancellationToken ct = default)
    {
        var list = kinds.ToList();
        return await (from c in Db.OrgClosure.AsNoTracking()
                      join u in Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking() on c.AncestorId equals u.Id
                      where c.DescendantId == orgUnitId && c.Depth > 0 && list.Contains(u.Kind)
                      orderby c.Depth
                      select u).FirstOrDefaultAsync(ct);
    }

    /// <summary>The ids of every unit in these units' subtrees (themselves included). The closure table carries no scope of its own.</summary>
    public async Task<IReadOnlySet<int>> SubtreeIdsAsync(IReadOnlyCollection<int> roots, CancellationToken ct = default)
    {
        var list = roots.ToList();
        return (await Db.OrgClosure.AsNoTracking().Where(c => list.Contains(c.AncestorId)).Select(c => c.DescendantId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Every (descendant, ancestor) pair of the whole tree with the ancestor strictly above: for whole-tree computations.</summary>
    public async Task<IReadOnlyList<(int DescendantId, int AncestorId)>> AncestryAsync(CancellationToken ct = default) =>
        (await Db.OrgClosure.AsNoTracking().Where(c => c.Depth > 0).Select(c => new { c.DescendantId, c.AncestorId }).ToListAsync(ct))
            .Select(c => (c.DescendantId, c.AncestorId)).ToList();

    /// <summary>
    /// Every unit's nearest ancestor of this kind (a school's district), across the whole tree and past the scope filter:
    /// for whole-tree computations that only group by it. One read of the closure rows that end at a unit of that kind.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> NearestAboveOfKindAsync(OrgUnitKind kind, CancellationToken ct = default)
    {
        var rows = await (from c in Db.OrgClosure.AsNoTracking()
                          join u in Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking() on c.AncestorId equals u.Id
                          where c.Depth > 0 && u.Kind == kind
                          select new { c.DescendantId, c.AncestorId, c.Depth }).ToListAsync(ct);
        return rows.GroupBy(r => r.DescendantId).ToDictionary(g => g.Key, g => g.MinBy(r => r.Depth)!.AncestorId);
    }

    /// <summary>How many units of each kind the caller may see, schools split into kindergartens (办学类型 11x) and the rest.</summary>
    public async Task<IReadOnlyList<UnitCount>> CountsAsync(CancellationToken ct = default) =>
        (await Db.OrgUnits
            .GroupBy(o => new { o.Kind, Kindergarten = o.SchoolTypeCode != null && o.SchoolTypeCode.StartsWith("11") })
            .Select(g => new { g.Key.Kind, g.Key.Kindergarten, Count = g.Count() })
            .ToListAsync(ct))
        .Select(c => new UnitCount(c.Kind, c.Kindergarten, c.Count)).ToList();

    /// <summary>
    /// The schools under the caller's grants for <paramref name="permission"/> (every school for the system), by code; the
    /// closed ones only with <paramref name="includeClosed"/> (a record kept of a school since closed). The scope filter
    /// alone would give every school under any grant, whatever the permission.
    /// </summary>
    public async Task<IReadOnlyList<OrgUnit>> SchoolsUnderGrantsAsync(AccessContext caller, string permission, bool includeClosed = false, CancellationToken ct = default)
    {
        var schools = (await OfKindAsync([OrgUnitKind.School], null, ct)).Where(s => includeClosed || s.ClosedOn is null).ToList();
        if (caller.IsSystem)
        {
            return schools;
        }
        var within = await SubtreeIdsAsync([.. caller.RootsFor(permission)], ct);
        return [.. schools.Where(s => within.Contains(s.Id))];
    }

    /// <summary>The units among <paramref name="orgUnitIds"/> inside the caller's grants for <paramref name="permission"/> (see <see cref="ScopeWriteGuard.WithinScopeAsync"/>).</summary>
    public Task<IReadOnlySet<int>> WithinScopeAsync(AccessContext caller, string permission, IReadOnlyCollection<int> orgUnitIds, CancellationToken ct = default) =>
        ScopeWriteGuard.WithinScopeAsync(Db, caller, permission, orgUnitIds, ct);

    /// <summary>The unit's ancestors the caller may see, from the top down, ending with the unit itself.</summary>
    public async Task<IReadOnlyList<OrgUnit>> PathAsync(int orgUnitId, CancellationToken ct = default)
    {
        var path = await (
                from c in Db.OrgClosure
                join o in Db.OrgUnits on c.AncestorId equals o.Id
                where c.DescendantId == orgUnitId
                orderby c.Depth descending
                select o)
            .AsNoTracking()
            .ToListAsync(ct);
        return path;
    }

    /// <summary>
    /// The unit something the caller creates under <paramref name="permission"/> belongs to: their grant nearest the root (a
    /// city administrator who also holds a district makes the city's), the city for the system; null without the permission.
    /// </summary>
    public async Task<int?> HighestGrantAsync(AccessContext caller, string permission, CancellationToken ct = default)
    {
        if (caller.IsSystem)
        {
            return await OfKindPastScopeAsync([OrgUnitKind.City], ct) is [var city, ..] ? city.Id : null;
        }
        var roots = caller.RootsFor(permission).Distinct().ToList();
        if (roots.Count == 0)
        {
            return null;
        }
        // How many ancestors each grant has (itself included): the fewest is nearest the root.
        var depths = await Db.OrgClosure.AsNoTracking().Where(c => roots.Contains(c.DescendantId))
            .GroupBy(c => c.DescendantId).Select(g => new { Id = g.Key, Depth = g.Count() }).ToListAsync(ct);
        return depths.OrderBy(d => d.Depth).ThenBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefault();
    }

    /// <summary>Is <paramref name="orgUnitId"/> inside the subtree of any of <paramref name="roots"/>?</summary>
    public Task<bool> IsUnderAsync(IReadOnlyCollection<int> roots, int orgUnitId, CancellationToken ct = default)
    {
        var list = roots.ToList();
        return Db.OrgClosure.AnyAsync(c => list.Contains(c.AncestorId) && c.DescendantId == orgUnitId, ct);
    }
}

/// <summary>A count of units of one kind (<see cref="OrgTree.CountsAsync"/>).</summary>
public sealed record UnitCount(OrgUnitKind Kind, bool Kindergarten, int Count);
