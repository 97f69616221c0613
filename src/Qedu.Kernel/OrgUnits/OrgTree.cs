using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.OrgUnits;

/// <summary>Adds org units and keeps the closure table in step; reads paths and subtrees. Reads are scope-filtered.</summary>
public sealed class OrgTree(KernelDb db)
{
    /// <summary>Adds a unit under its parent (already validated by the caller) together with its ancestry rows.</summary>
    public async Task<OrgUnit> AddAsync(OrgUnit unit, CancellationToken ct = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync(ct);
            var ancestors = unit.ParentId is int parent
                ? await db.OrgClosure.Where(c => c.DescendantId == parent).ToListAsync(ct)
                : [];
            db.OrgClosure.Add(new OrgClosure { AncestorId = unit.Id, DescendantId = unit.Id, Depth = 0 });
            db.OrgClosure.AddRange(ancestors.Select(a => new OrgClosure { AncestorId = a.AncestorId, DescendantId = unit.Id, Depth = a.Depth + 1 }));
            await db.SaveChangesAsync(ct);
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
        db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);

    /// <summary>
    /// The codes of these units, read past the scope filter: for labelling rows the caller has already been allowed to
    /// see (a row inside the caller's scope names its own unit; a code reveals nothing further).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> CodesOfAsync(IEnumerable<int> orgUnitIds, CancellationToken ct = default)
    {
        var ids = orgUnitIds.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.Code }).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
    }

    /// <summary>The units themselves (names for a page), read past the scope filter on the same grounds as <see cref="CodesOfAsync"/>.</summary>
    public async Task<IReadOnlyDictionary<int, OrgUnit>> UnitsOfAsync(IEnumerable<int> orgUnitIds, CancellationToken ct = default)
    {
        var ids = orgUnitIds.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, OrgUnit>()
            : await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
    }

    /// <summary>The unit's ancestors the caller may see, from the top down, ending with the unit itself.</summary>
    public async Task<IReadOnlyList<OrgUnit>> PathAsync(int orgUnitId, CancellationToken ct = default)
    {
        var path = await (
                from c in db.OrgClosure
                join o in db.OrgUnits on c.AncestorId equals o.Id
                where c.DescendantId == orgUnitId
                orderby c.Depth descending
                select o)
            .AsNoTracking()
            .ToListAsync(ct);
        return path;
    }

    /// <summary>Is <paramref name="orgUnitId"/> inside the subtree of any of <paramref name="roots"/>?</summary>
    public Task<bool> IsUnderAsync(IReadOnlyCollection<int> roots, int orgUnitId, CancellationToken ct = default)
    {
        var list = roots.ToList();
        return db.OrgClosure.AnyAsync(c => list.Contains(c.AncestorId) && c.DescendantId == orgUnitId, ct);
    }
}
