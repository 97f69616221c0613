using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Identity;

/// <summary>A failed sign-in as the owner of the account is shown it: when, from where, what happened.</summary>
public sealed record FailedSignIn(DateTimeOffset At, string? ClientAddress, string Details);

/// <summary>
/// What a sign-in leaves on the account: the last successful one, the failures since (to tell the owner next time),
/// a password that must be changed; and the account's own history of failures from the audit log.
/// </summary>
public sealed class SignInRecords(KernelDb db, TimeProvider clock)
{
    public const string FailedAction = "auth.sign-in-failed";

    public Task SucceededAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now).SetProperty(x => x.AccessFailedCount, 0), ct);
    }

    /// <summary>Counts a failure on the account (whoever made it), for the owner's next sign-in.</summary>
    public Task FailedAsync(Guid userId, CancellationToken ct = default) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount + 1), ct);

    public Task RequirePasswordChangeAsync(Guid userId, CancellationToken ct = default) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, true), ct);

    /// <summary>The account's failed sign-ins in the last <paramref name="days"/> days, newest first (by the audit log's user-name index).</summary>
    public async Task<IReadOnlyList<FailedSignIn>> RecentFailuresAsync(string userName, int days = 30, int take = 20, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().AddDays(-days);
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == userName && e.EntityType == "User" && e.Action == FailedAction && e.At >= since)
            .OrderByDescending(e => e.Sequence).Take(take)
            .Select(e => new FailedSignIn(e.At, e.ClientAddress, e.Details ?? ""))
            .ToListAsync(ct);
    }

    /// <summary>The roles the account holds (for the second factor's requirement).</summary>
    public async Task<IReadOnlyList<string>> RolesAsync(Guid userId, CancellationToken ct = default) =>
        await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.Role).Distinct().ToListAsync(ct);
}
