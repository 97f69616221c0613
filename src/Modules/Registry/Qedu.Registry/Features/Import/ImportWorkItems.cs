using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;

namespace Qedu.Registry.Features.Import;

/// <summary>
/// The registry's part of the home page: the imports the caller ran in the last week (running, refused or done), each
/// one click from the import page. Running ones come from <see cref="ImportJobs"/> (their rows, whichever node runs them),
/// ended ones from the import history table, so they outlive the job's hour.
/// </summary>
internal sealed class ImportWorkItems(ImportJobs jobs, RegistryDb db, ICurrentAccess access) : IWorkItems
{
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<WorkItem>> ForCurrentUserAsync(CancellationToken ct = default)
    {
        var caller = access.Current;
        if (!caller.IsAuthenticated || caller.IsSystem || !caller.Has(Permissions.RegistryWrite))
        {
            return [];
        }
        var owner = ImportJobs.Owner(caller);
        var since = DateTimeOffset.UtcNow - Recent;
        var ended = await db.ImportHistory.AsNoTracking()
            .Where(h => h.OwnerKey == owner && h.StartedAt >= since)
            .OrderByDescending(h => h.StartedAt).Take(IWorkItems.Limit)
            .Select(h => new { h.Id, h.StartedAt, h.FileName, h.Kind })
            .ToListAsync(ct);
        var endedIds = ended.Select(h => h.Id).ToHashSet();
        var running = await jobs.RunningOfAsync(db, caller, ct);
        return [.. running.Where(j => !endedIds.Contains(j.Id)).Select(j => (j.StartedAt, j.FileName, j.Kind))
            .Concat(ended.Select(h => (h.StartedAt, h.FileName, h.Kind)))
            .OrderByDescending(x => x.StartedAt).Take(IWorkItems.Limit)
            .Select(x => new WorkItem(WorkItemKind.Import, $"{x.FileName} · {x.Kind}", null, "/registry/import"))];
    }
}
