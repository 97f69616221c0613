using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Apply;

namespace Qedu.Admissions.Data;

/// <summary>
/// Stamps every modified application with <see cref="Application.ChangedAt"/> (what other nodes watch) and makes this
/// node forget the status it kept of it, so the family's next read here is the new one. (A read of the same application
/// between this and the commit may keep the old row again; the watch forgets it within a second.)
/// </summary>
internal sealed class ApplicationChangeStamp(ApplicationStatuses statuses) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var now = DateTimeOffset.UtcNow;
        foreach (var entry in context.ChangeTracker.Entries<Application>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                entry.Entity.ChangedAt = now;
                statuses.Forget(entry.Entity.Id);
            }
        }
    }
}
