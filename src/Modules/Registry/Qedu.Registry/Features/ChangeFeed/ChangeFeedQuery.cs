using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;

namespace Qedu.Registry.Features.ChangeFeed;

/// <summary>One line of the feed: a record of <see cref="EntityType"/> changed (or was deleted) at <see cref="Version"/>.</summary>
internal sealed record ChangeLine(long Version, string EntityType, long EntityId, string OrgCode, bool Deleted, DateTimeOffset At);

/// <summary>A page of the feed; ask again with <c>since = LastVersion</c>.</summary>
internal sealed record ChangePage(IReadOnlyList<ChangeLine> Items, long LastVersion, bool HasMore);

/// <summary>Reads the change feed in version (= commit) order, within the caller's scope.</summary>
internal sealed class ChangeFeedQuery(RegistryDb db, OrgTree tree)
{
    public const int DefaultPageSize = 1000;
    public const int MaxPageSize = 5000;

    public async Task<ChangePage> PageAsync(long since, int limit, CancellationToken ct = default)
    {
        var rows = await db.Changes.AsNoTracking()
            .Where(c => c.Version > since)
            .OrderBy(c => c.Version)
            .Take(limit + 1)
            .ToListAsync(ct);
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var codes = await tree.CodesOfAsync(rows.Select(r => r.OrgUnitId), ct);
        var items = rows.Select(r => new ChangeLine(r.Version, r.EntityType, r.EntityId, codes.GetValueOrDefault(r.OrgUnitId, ""), r.Deleted, r.At)).ToList();
        return new ChangePage(items, rows.Count > 0 ? rows[^1].Version : since, more);
    }
}
