using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Organisation.Features.AuditLog;

internal sealed record AuditFilter(
    string? Actor = null,
    string? Action = null,
    string? Entity = null,
    string? OrgCode = null,
    DateOnly? From = null,
    DateOnly? To = null,
    AuditOutcome? Outcome = null);

internal sealed record AuditLine(
    long Sequence,
    DateTimeOffset At,
    string ActorKind,
    string? ActorId,
    string? ActorName,
    string? ActorScope,
    string Action,
    string? EntityType,
    string? EntityKey,
    string? OrgCode,
    string? ClientAddress,
    string? Details,
    string? Outcome);

internal sealed record AuditPage(IReadOnlyList<AuditLine> Items, long? Before);

/// <summary>
/// The audit log as an auditor browses it, newest first, in pages before a sequence number. An auditor scoped to a
/// district sees the lines about units in the district; one scoped to the city or above also sees lines about no unit
/// (sign-ins, system jobs).
/// </summary>
internal sealed class AuditLogQuery(KernelDb db, ICurrentAccess access, OrgTree tree)
{
    public async Task<AuditPage> PageAsync(AuditFilter filter, long? before, int limit, CancellationToken ct = default)
    {
        var query = await ScopedAsync(ct);
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // A person is found by user name or display name; a sign-in nobody was signed in for, by the name tried.
            var actor = filter.Actor.Trim();
            var ids = await db.Users.AsNoTracking()
                .Where(u => u.DisplayName.Contains(actor) || (u.UserName != null && u.UserName.Contains(actor)))
                .Select(u => u.Id).Take(200).ToListAsync(ct);
            var actorIds = ids.Select(id => id.ToString()).ToList();
            query = query.Where(e => (e.ActorName != null && e.ActorName.Contains(actor))
                || (e.ActorId != null && actorIds.Contains(e.ActorId))
                || (e.ActorKind == ActorKind.Anonymous && e.EntityType == "User" && e.EntityKey != null && e.EntityKey.Contains(actor)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            // An action of the catalogue (the filter's list) is that action alone; any other text, a prefix ("account.").
            var action = filter.Action.Trim();
            query = AuditCatalogue.IsKnown(action) ? query.Where(e => e.Action == action) : query.Where(e => e.Action.StartsWith(action));
        }
        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            var entity = filter.Entity.Trim();
            query = query.Where(e => (e.EntityType != null && e.EntityType.Contains(entity)) || (e.EntityKey != null && e.EntityKey.Contains(entity)));
        }
        if (!string.IsNullOrWhiteSpace(filter.OrgCode))
        {
            var code = filter.OrgCode.Trim();
            var id = await db.OrgUnits.Where(o => o.Code == code).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct) ?? -1;
            query = query.Where(e => e.OrgUnitId == id);
        }
        // Dates are China Standard Time calendar days.
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            query = query.Where(e => e.At < end);
        }
        if (filter.Outcome is { } outcome)
        {
            query = query.Where(e => e.Outcome == outcome);
        }
        if (before is { } b)
        {
            query = query.Where(e => e.Sequence < b);
        }
        var rows = await query.OrderByDescending(e => e.Sequence).Take(limit + 1).AsNoTracking().ToListAsync(ct);
        var page = rows.Take(limit).ToList();
        var codes = await tree.CodesOfAsync(page.Where(e => e.OrgUnitId is not null).Select(e => e.OrgUnitId!.Value), ct);
        var items = page.Select(e => new AuditLine(e.Sequence, e.At, e.ActorKind.ToString(), e.ActorId, e.ActorName, e.ActorScope, e.Action,
                e.EntityType, e.EntityKey, e.OrgUnitId is int id ? codes.GetValueOrDefault(id) : null, e.ClientAddress, e.Details, e.Outcome?.ToString()))
            .ToList();
        return new AuditPage(items, rows.Count > limit ? page[^1].Sequence : null);
    }

    private async Task<IQueryable<AuditEntry>> ScopedAsync(CancellationToken ct)
    {
        var caller = access.Current;
        if (caller.IsSystem)
        {
            return db.AuditEntries;
        }
        var roots = caller.RootsFor(Permissions.AuditRead).ToList();
        var seesUnitless = await db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name])
            .AnyAsync(o => roots.Contains(o.Id) && (o.Kind == OrgUnitKind.City || o.Kind == OrgUnitKind.Province || o.Kind == OrgUnitKind.Ministry), ct);
        return db.AuditEntries.Where(e =>
            (e.OrgUnitId == null && seesUnitless)
            || (e.OrgUnitId != null && db.OrgClosure.Any(c => roots.Contains(c.AncestorId) && c.DescendantId == e.OrgUnitId)));
    }
}
