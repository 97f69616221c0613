using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Registry.Features.Import;

/// <summary>
/// The registry's part of the home page: the imports the caller ran recently (running, refused or done), each one
/// click from the import page. Imports are kept in memory for an hour (<see cref="ImportJobs"/>), so this reads no
/// database at all.
/// </summary>
internal sealed class ImportWorkItems(ImportJobs jobs, ICurrentAccess access) : IWorkItems
{
    public Task<IReadOnlyList<WorkItem>> ForCurrentUserAsync(CancellationToken ct = default)
    {
        var caller = access.Current;
        if (!caller.IsAuthenticated || caller.IsSystem || !caller.Has(Permissions.RegistryWrite))
        {
            return Task.FromResult<IReadOnlyList<WorkItem>>([]);
        }
        IReadOnlyList<WorkItem> items = [.. jobs.RecentOf(caller).Take(IWorkItems.Limit)
            .Select(j => new WorkItem(WorkItemKind.Import, $"{j.FileName} · {j.Kind}", null, "/registry/import"))];
        return Task.FromResult(items);
    }
}
