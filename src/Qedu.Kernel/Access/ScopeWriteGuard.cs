using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Kernel.Access;

/// <summary>Declares which permission a write to this entity needs, over the entity's org unit.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ScopedWriteAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}

/// <summary>Thrown when a write would touch data outside the caller's scope. The web host turns it into a 404.</summary>
public sealed class ScopeViolationException(string message) : Exception(message);

/// <summary>
/// The write side of scoping, in one place: before any module's SaveChanges, every added, changed or deleted row that
/// belongs to an org unit (and every org unit itself) must lie under a unit where the caller holds the entity's write
/// permission (<see cref="ScopedWriteAttribute"/>; any grant when none is declared). One query per save.
/// </summary>
public sealed class ScopeWriteGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        CheckAsync(eventData.Context!, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CheckAsync(eventData.Context!, cancellationToken);
        return result;
    }

    private static async Task CheckAsync(DbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        // The caller is the context's own (each module context is made in the request's scope); the guard itself is
        // shared by every context, so their options are built once.
        var caller = (db as IScopedDbContext ?? throw new InvalidOperationException($"{db.GetType().Name} does not say who calls (IScopedDbContext).")).Access;
        if (caller.ParentAccountId is Guid parent)
        {
            CheckParentWrite(db, parent);
            return;
        }
        // permission -> org units that a write touches
        var needed = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            foreach (var (permission, orgUnitId) in Targets(entry))
            {
                if (!needed.TryGetValue(permission, out var set))
                {
                    needed[permission] = set = [];
                }
                set.Add(orgUnitId);
            }
        }
        if (needed.Count == 0)
        {
            return;
        }
        foreach (var (permission, orgUnits) in needed)
        {
            await EnsureWithinScopeAsync(db, caller, permission, orgUnits, ct);
        }
    }

    /// <summary>
    /// Throws <see cref="ScopeViolationException"/> unless every one of <paramref name="orgUnits"/> lies inside the
    /// caller's grants for <paramref name="permission"/> ("" = any read grant). Bulk writers that bypass the change
    /// tracker call this themselves.
    /// </summary>
    public static async Task EnsureWithinScopeAsync(
        DbContext db, AccessContext caller, string permission, IReadOnlyCollection<int> orgUnits, CancellationToken ct = default)
    {
        if (caller.IsSystem || orgUnits.Count == 0)
        {
            return;
        }
        if ((permission.Length == 0 ? caller.ReadRoots : caller.RootsFor(permission)).Count == 0)
        {
            throw new ScopeViolationException($"The caller holds no grant for '{permission}'.");
        }
        var ids = orgUnits.Distinct().ToList();
        if ((await WithinScopeAsync(db, caller, permission, ids, ct)).Count != ids.Count)
        {
            throw new ScopeViolationException("A write touches an org unit outside the caller's scope.");
        }
    }

    /// <summary>
    /// The units among <paramref name="orgUnits"/> that lie inside the caller's grants for <paramref name="permission"/>
    /// ("" = any read grant): all of them for the system, none without such a grant. For checks that answer per unit
    /// (a field error, a masked value) rather than refusing the whole write.
    /// </summary>
    public static async Task<IReadOnlySet<int>> WithinScopeAsync(
        DbContext db, AccessContext caller, string permission, IReadOnlyCollection<int> orgUnits, CancellationToken ct = default)
    {
        if (caller.IsSystem)
        {
            return orgUnits.ToHashSet();
        }
        var roots = permission.Length == 0 ? caller.ReadRoots : caller.RootsFor(permission).ToList();
        if (roots.Count == 0 || orgUnits.Count == 0)
        {
            return new HashSet<int>();
        }
        var ids = orgUnits.Distinct().ToList();
        var inside = await db.Set<OrgClosure>().AsNoTracking()
            .Where(c => roots.Contains(c.AncestorId) && ids.Contains(c.DescendantId))
            .Select(c => c.DescendantId)
            .Distinct()
            .ToListAsync(ct);
        return inside.ToHashSet();
    }

    /// <summary>
    /// A parent holds no grant: of the rows that belong to an org unit, they write only those they own, and cannot hand
    /// one to another parent.
    /// </summary>
    private static void CheckParentWrite(DbContext db, Guid parent)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is not (IOrgScoped or OrgUnit))
            {
                continue;
            }
            var own = entry.Entity is IParentOwned owned
                && owned.ParentAccountId == parent
                && (entry.State == EntityState.Added
                    || entry.Property(nameof(IParentOwned.ParentAccountId)).OriginalValue is Guid original && original == parent);
            if (!own)
            {
                throw new ScopeViolationException("A parent writes only their own rows.");
            }
        }
    }

    private static IEnumerable<(string Permission, int OrgUnitId)> Targets(EntityEntry entry)
    {
        if (entry.Entity is OrgUnit unit)
        {
            // A new unit is checked by its parent; a changed one by itself and, if it moves, by its new parent too.
            if (entry.State == EntityState.Added)
            {
                if (unit.ParentId is int parent)
                {
                    yield return (Permissions.OrgManage, parent);
                }
                else
                {
                    yield return (Permissions.OrgManage, -1); // only the system creates a root
                }
                yield break;
            }
            yield return (Permissions.OrgManage, (int)entry.Property(nameof(OrgUnit.Id)).OriginalValue!);
            if (unit.ParentId is int newParent)
            {
                yield return (Permissions.OrgManage, newParent);
            }
            yield break;
        }
        if (entry.Entity is IOrgScoped scoped)
        {
            var permission = entry.Entity.GetType().GetCustomAttribute<ScopedWriteAttribute>()?.Permission ?? "";
            yield return (permission, scoped.OrgUnitId);
            if (entry.State == EntityState.Modified
                && entry.Property(nameof(IOrgScoped.OrgUnitId)).OriginalValue is int original && original != scoped.OrgUnitId)
            {
                yield return (permission, original);
            }
        }
    }
}
