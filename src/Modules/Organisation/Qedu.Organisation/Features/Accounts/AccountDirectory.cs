using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Organisation.Features.Accounts;

public sealed record AssignmentRow(Guid Id, string Role, string OrgCode, string OrgName);

public sealed record AccountRow(
    Guid Id,
    string UserName,
    string DisplayName,
    string HomeCode,
    string HomeName,
    IReadOnlyList<AssignmentRow> Roles,
    bool IsActive,
    bool IsLockedOut,
    DateTimeOffset? LastSignInAt,
    bool TwoFactorEnabled,
    bool MustChangePassword,
    string? StaffNumber = null);

/// <summary>An account's sign-in state, for its page: live sessions and the addresses its failed sign-ins locked out.</summary>
public sealed record AccountSignInState(int ActiveSessions, IReadOnlyList<(string Address, DateTimeOffset Until)> LockedAddresses);

/// <summary>
/// The accounts a caller manages: those whose home unit lies under a unit where the caller holds accounts.manage.
/// (Accounts are not org-scoped rows — sign-in must find any account — so the scope is applied here, with the kernel's
/// closure table, as the global filter does for org data.)
/// </summary>
public sealed class AccountDirectory(KernelDb db, OrgTree tree, ICurrentAccess access, UserSessions sessions, SignInThrottling throttling, TimeProvider clock)
{
    public IQueryable<QeduUser> Managed()
    {
        var caller = access.Current;
        if (caller.IsSystem)
        {
            return db.Users;
        }
        var roots = caller.RootsFor(Permissions.AccountsManage).ToList();
        return db.Users.Where(u => db.OrgClosure.Any(c => roots.Contains(c.AncestorId) && c.DescendantId == u.HomeOrgUnitId));
    }

    public async Task<(IReadOnlyList<AccountRow> Rows, int Total)> ListAsync(string? search, string? role, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Managed().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s));
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            query = query.Where(u => u.Assignments.Any(a => a.Role == role));
        }
        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.UserName).Skip((page - 1) * pageSize).Take(pageSize)
            .Include(u => u.Assignments).ToListAsync(ct);
        return (await RowsAsync(users, ct), total);
    }

    public async Task<AccountRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await Managed().AsNoTracking().Include(u => u.Assignments).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : (await RowsAsync([user], ct))[0];
    }

    public async Task<AccountSignInState> SignInStateAsync(AccountRow account, CancellationToken ct = default)
    {
        var normalized = account.UserName.ToUpperInvariant();
        return new AccountSignInState((await sessions.ActiveAsync(account.Id, ct)).Count, await throttling.LockedAsync(normalized, ct));
    }

    private async Task<IReadOnlyList<AccountRow>> RowsAsync(List<QeduUser> users, CancellationToken ct)
    {
        var orgIds = users.Select(u => u.HomeOrgUnitId).Concat(users.SelectMany(u => u.Assignments.Select(a => a.OrgUnitId))).Distinct().ToList();
        // Names of units, even above the caller's scope: a grant's scope is part of the account's description.
        var orgs = (await tree.UnitsOfAsync(orgIds, ct)).ToDictionary(o => o.Key, o => (o.Value.Code, o.Value.Name));
        var now = clock.GetUtcNow();
        var names = users.Select(u => u.NormalizedUserName).OfType<string>().ToList();
        var locked = (await db.SignInThrottles.AsNoTracking().Where(t => names.Contains(t.Account) && t.LockedUntil > now)
            .Select(t => t.Account).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return users.Select(u => new AccountRow(
                u.Id,
                u.UserName ?? "",
                u.DisplayName,
                orgs.GetValueOrDefault(u.HomeOrgUnitId).Code ?? "",
                orgs.GetValueOrDefault(u.HomeOrgUnitId).Name ?? "",
                u.Assignments.OrderBy(a => a.GrantedAt)
                    .Select(a => new AssignmentRow(a.Id, a.Role, orgs.GetValueOrDefault(a.OrgUnitId).Code ?? "", orgs.GetValueOrDefault(a.OrgUnitId).Name ?? ""))
                    .ToList(),
                u.IsActive,
                u.LockoutEnd > now || locked.Contains(u.NormalizedUserName ?? ""),
                u.LastSignInAt,
                u.TwoFactorEnabled,
                u.MustChangePassword,
                u.StaffNumber))
            .ToList();
    }
}
