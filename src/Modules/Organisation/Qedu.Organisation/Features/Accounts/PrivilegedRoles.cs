using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;

namespace Qedu.Organisation.Features.Accounts;

internal sealed record PrivilegedHolder(Guid UserId, string UserName, string DisplayName, string Role, string ScopeCode, string ScopeName, DateTimeOffset GrantedAt, string? GrantedBy);

internal sealed record PrivilegedChange(DateTimeOffset At, string? By, string Account, bool Granted, string Role, string? ScopeCode);

/// <summary>
/// Who holds administrator and auditor roles within the caller's scope, and the grants and revocations of them from the
/// audit log: what each separated duty sees of the others (accounts.review).
/// </summary>
internal sealed class PrivilegedRoles(KernelDb db, ICurrentAccess access)
{
    public const int ChangesShown = 200;

    private static readonly string[] Privileged = Roles.All.Where(r => Roles.IsPrivileged(r.Name)).Select(r => r.Name).ToArray();

    public async Task<IReadOnlyList<PrivilegedHolder>> HoldersAsync(CancellationToken ct = default)
    {
        var roots = Roots();
        var caller = access.Current;
        var rows = await (
                from a in db.RoleAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                join o in db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking() on a.OrgUnitId equals o.Id
                where Privileged.Contains(a.Role)
                      && (caller.IsSystem || db.OrgClosure.Any(c => roots.Contains(c.AncestorId) && c.DescendantId == a.OrgUnitId))
                select new PrivilegedHolder(u.Id, u.UserName!, u.DisplayName, a.Role, o.Code, o.Name, a.GrantedAt, a.GrantedBy))
            .ToListAsync(ct);
        return rows.OrderBy(r => Array.IndexOf(Privileged, r.Role)).ThenBy(r => r.ScopeCode, StringComparer.Ordinal).ThenBy(r => r.UserName, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<PrivilegedChange>> ChangesAsync(CancellationToken ct = default)
    {
        var roots = Roots();
        var caller = access.Current;
        var lines = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Action == "account.privileged-role-granted" || e.Action == "account.privileged-role-revoked")
                        && (caller.IsSystem || db.OrgClosure.Any(c => roots.Contains(c.AncestorId) && c.DescendantId == e.OrgUnitId)))
            .OrderByDescending(e => e.Sequence)
            .Take(ChangesShown)
            .Select(e => new { e.At, e.ActorName, e.EntityKey, e.Action, e.Details })
            .ToListAsync(ct);
        return lines.Select(e =>
            {
                var details = (e.Details ?? "").Split("; ").Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
                return new PrivilegedChange(e.At, e.ActorName, e.EntityKey ?? "", e.Action.EndsWith("granted", StringComparison.Ordinal),
                    details.GetValueOrDefault("role") ?? "", details.GetValueOrDefault("scope"));
            })
            .ToList();
    }

    private List<int> Roots() => access.Current.RootsFor(Permissions.AccountsReview).ToList();
}
