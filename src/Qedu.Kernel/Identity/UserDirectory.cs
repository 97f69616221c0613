using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Identity;

/// <summary>What modules and hosts may read about a user account, so that none of them reads <see cref="KernelDb"/>.</summary>
public sealed class UserDirectory(KernelDb db)
{
    /// <summary>The account's display name, null when there is no such account.</summary>
    public Task<string?> DisplayNameAsync(Guid userId, CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

    /// <summary>The account's home org unit, null when there is no such account.</summary>
    public Task<int?> HomeUnitIdAsync(Guid userId, CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (int?)u.HomeOrgUnitId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The active accounts holding <paramref name="role"/> at one of these units, by name: who a module may name for a duty
    /// (the responsible inspector of a school is one of its district's inspectors).
    /// </summary>
    public async Task<IReadOnlyList<RoleHolder>> HoldersAsync(string role, IReadOnlyCollection<int> orgUnitIds, CancellationToken ct = default)
    {
        var units = orgUnitIds.Distinct().ToList();
        return await (from a in db.RoleAssignments.AsNoTracking()
                      join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                      where a.Role == role && units.Contains(a.OrgUnitId) && u.IsActive
                      orderby u.DisplayName, u.UserName
                      select new RoleHolder(u.Id, u.UserName!, u.DisplayName, a.OrgUnitId)).ToListAsync(ct);
    }
}

/// <summary>An account holding a role at a unit (<see cref="UserDirectory.HoldersAsync"/>).</summary>
public sealed record RoleHolder(Guid UserId, string UserName, string DisplayName, int OrgUnitId);
