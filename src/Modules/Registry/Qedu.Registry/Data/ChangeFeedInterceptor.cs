using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Data;

/// <summary>
/// Gives every written registry row its change-feed version and writes the feed line, in the save's transaction.
/// New rows (temporary negative ids) take their first version as id, so one counter serves both and ids never collide.
/// </summary>
internal sealed class ChangeFeedInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not RegistryDb db)
        {
            return result;
        }
        var entries = db.ChangeTracker.Entries<IRegistryRecord>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (entries.Count == 0)
        {
            return result;
        }
        var version = await ChangeVersions.ReserveAsync(db, entries.Count, cancellationToken) - entries.Count;
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            version++;
            var id = entry.Property(e => e.Id);
            if (entry.State == EntityState.Added && (id.IsTemporary || id.CurrentValue <= 0))
            {
                id.CurrentValue = version;
                id.IsTemporary = false;
            }
            if (entry.State != EntityState.Deleted)
            {
                entry.Entity.Revision = version;
            }
            db.Changes.Add(new Change
            {
                Version = version,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = id.CurrentValue,
                OrgUnitId = entry.Entity.OrgUnitId,
                Deleted = entry.State == EntityState.Deleted,
                At = now,
            });
        }
        return result;
    }
}
