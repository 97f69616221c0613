using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Localization;
using Qedu.Registry.Data;

namespace Qedu.Registry.Features.ChangeFeed;

/// <summary>One line of the feed: a record of <see cref="EntityType"/> changed (or was deleted) at <see cref="Version"/>.</summary>
internal sealed record ChangeLine(long Version, string EntityType, long EntityId, string OrgCode, bool Deleted, DateTimeOffset At);

/// <summary>A page of the feed; ask again with <c>since = LastVersion</c>.</summary>
internal sealed record ChangePage(IReadOnlyList<ChangeLine> Items, long LastVersion, bool HasMore);

internal static class ChangeFeedEndpoints
{
    public const int MaxPageSize = 5000;

    public static void MapChangeFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/registry/changes", async (long? since, int? limit, RegistryDb db, KernelDb kernel,
                IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                var size = limit ?? 1000;
                if (size is < 1 or > MaxPageSize || since is < 0)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        [since is < 0 ? "since" : "limit"] = [since is < 0
                            ? text["Paging.SinceNegative"].Value
                            : string.Format(text["Paging.LimitRange"], 1, MaxPageSize)],
                    });
                }
                var from = since ?? 0;
                var rows = await db.Changes.AsNoTracking()
                    .Where(c => c.Version > from)
                    .OrderBy(c => c.Version)
                    .Take(size + 1)
                    .ToListAsync(ct);
                var more = rows.Count > size;
                if (more)
                {
                    rows.RemoveAt(rows.Count - 1);
                }
                var orgIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
                var codes = await kernel.OrgUnits.IgnoreQueryFilters().AsNoTracking()
                    .Where(o => orgIds.Contains(o.Id))
                    .ToDictionaryAsync(o => o.Id, o => o.Code, ct);
                var items = rows.Select(r => new ChangeLine(r.Version, r.EntityType, r.EntityId, codes.GetValueOrDefault(r.OrgUnitId, ""), r.Deleted, r.At)).ToList();
                return Results.Ok(new ChangePage(items, rows.Count > 0 ? rows[^1].Version : from, more));
            })
            .RequireAuthorization(Permissions.RegistryRead)
            .WithTags("Registry")
            .WithSummary("Registry changes in commit order after version `since`; deletes appear as tombstones");
}
