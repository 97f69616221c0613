using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Web;
using Qedu.Rectifications.Contracts;
using Qedu.Rectifications.Data;

namespace Qedu.Rectifications.Features.Board;

/// <summary>
/// The home page's rectification lines: findings addressed to a unit the reader holds (not to the units below it: their
/// own staff fix those) that the reader may fix; fixes waiting for the reader's unit to verify; 回头看 re-checks due; and
/// for a city, the serious findings escalated to it and not yet closed. Four small queries.
/// </summary>
internal sealed class RectificationWorkItems(RectificationsDb db, ICurrentAccess access, TimeProvider clock) : IWorkItems
{
    private const int TitleLength = 60;

    public async Task<IReadOnlyList<WorkItem>> ForCurrentUserAsync(CancellationToken ct = default)
    {
        var caller = access.Current;
        if (!caller.Has(Permissions.RectificationRead) || caller.IsSystem)
        {
            return [];
        }
        var today = CityDate.Today(clock);
        var units = caller.Grants.Select(g => g.OrgUnitId).Distinct().ToList();
        var permissions = caller.Grants.SelectMany(g => g.Permissions).Distinct().ToList();
        var items = new List<WorkItem>();

        var toFix = await db.Items.AsNoTracking()
            .Where(r => r.State == RectificationState.Open && units.Contains(r.OrgUnitId) && permissions.Contains(r.FixPermission))
            .OrderBy(r => r.DueOn).Take(IWorkItems.Limit + 1).Select(r => new { r.Id, r.Finding, r.DueOn }).ToListAsync(ct);
        items.AddRange(Lines(WorkItemKind.Rectification, toFix.Select(r => (r.Id, r.Finding, (DateOnly?)r.DueOn)), today, "open"));

        var toVerify = await db.Items.AsNoTracking()
            .Where(r => r.State == RectificationState.Fixed && units.Contains(r.RaisedByUnitId) && permissions.Contains(r.VerifyPermission))
            .OrderBy(r => r.FixedAt).Take(IWorkItems.Limit + 1).Select(r => new { r.Id, r.Finding }).ToListAsync(ct);
        items.AddRange(Lines(WorkItemKind.RectificationToVerify, toVerify.Select(r => (r.Id, r.Finding, (DateOnly?)null)), today, "fixed"));

        var recheck = await db.Items.AsNoTracking()
            .Where(r => r.State == RectificationState.Verified && r.RecheckOn <= today && units.Contains(r.RaisedByUnitId) && permissions.Contains(r.VerifyPermission))
            .OrderBy(r => r.RecheckOn).Take(IWorkItems.Limit + 1).Select(r => new { r.Id, r.Finding, r.RecheckOn }).ToListAsync(ct);
        items.AddRange(Lines(WorkItemKind.RectificationRecheck, recheck.Select(r => (r.Id, r.Finding, r.RecheckOn)), today, "recheck"));

        var serious = await db.Items.AsNoTracking()
            .Where(r => r.Serious && r.State != RectificationState.Closed && r.EscalatedToUnitId != null && units.Contains(r.EscalatedToUnitId.Value))
            .CountAsync(ct);
        if (serious > 0)
        {
            items.Add(new WorkItem(WorkItemKind.SeriousFinding, "", null, "/rectifications?state=serious", serious) { Overdue = true });
        }
        return [.. items.OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateOnly.MaxValue).Take(IWorkItems.Limit)];
    }

    /// <summary>One line per item while they fit; more than the limit become one line to the list.</summary>
    private static IEnumerable<WorkItem> Lines(WorkItemKind kind, IEnumerable<(long Id, string Finding, DateOnly? Due)> rows, DateOnly today, string state)
    {
        var list = rows.ToList();
        if (list.Count > IWorkItems.Limit)
        {
            return [new WorkItem(kind, "", list.Min(r => r.Due), $"/rectifications?state={state}", list.Count) { Overdue = list.Any(r => r.Due < today) }];
        }
        return list.Select(r => new WorkItem(kind, r.Finding.Length <= TitleLength ? r.Finding : r.Finding[..TitleLength] + "…", r.Due, $"/rectifications/{r.Id}")
        {
            Overdue = r.Due < today,
        });
    }
}
