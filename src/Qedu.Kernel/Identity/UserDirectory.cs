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
}
