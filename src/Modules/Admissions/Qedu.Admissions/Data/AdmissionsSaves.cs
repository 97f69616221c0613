using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Apply;
using Qedu.Admissions.Rules;

namespace Qedu.Admissions.Data;

/// <summary>
/// What every save in the admissions module tells this node's kept copies, in one pass over the changed entries:
/// a season's set-up changed (<see cref="SeasonSnapshots.Changed"/>: the next submission here confirms the season
/// again); an application changed (stamped <see cref="Application.ChangedAt"/>, what other nodes watch, and forgotten by
/// <see cref="ApplicationStatuses"/> so the family's next read here is the new one). A read of the same application
/// between this and the commit may keep the old row again; the watch forgets it within a second.
/// </summary>
internal sealed class AdmissionsSaves(ApplicationStatuses statuses) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var now = DateTimeOffset.UtcNow;
        var seasonChanged = false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is Application application)
            {
                if (entry.State is not EntityState.Added)
                {
                    application.ChangedAt = now;
                    statuses.Forget(application.Id);
                }
            }
            else if (entry.Entity is Season or SeasonSchool or SeasonCategory or PointsRule or ZoneLine)
            {
                seasonChanged = true;
            }
        }
        if (seasonChanged)
        {
            SeasonSnapshots.Changed();
        }
    }
}
