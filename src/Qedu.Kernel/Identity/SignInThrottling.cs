using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Identity;

/// <summary>Where a sign-in attempt from an address stands: allowed, to wait a little, or locked out for a while.</summary>
public sealed record ThrottleState(ThrottleVerdict Verdict, DateTimeOffset? Until = null, int Failures = 0)
{
    public static readonly ThrottleState Allowed = new(ThrottleVerdict.Allowed);
}

public enum ThrottleVerdict
{
    Allowed,
    Wait,
    Locked,
}

/// <summary>
/// Failed sign-ins counted per account and client address (MLPS 8.1.4.1 b "登录失败处理"; ASVS 6.3.1): from the third
/// failure each attempt waits a little longer, at the fifth the address is locked out of the account for 15 minutes.
/// Other addresses, and sessions already open, are untouched: guessing from one place cannot lock the owner out. An
/// attempt made while waiting or locked is refused unchecked, so it gives a guesser nothing.
/// </summary>
public sealed class SignInThrottling(KernelDb db, TimeProvider clock, IOptions<AccountSecurityOptions> options)
{
    private AccountSecurityOptions.SignInSettings Settings => options.Value.SignIn;

    public async Task<ThrottleState> CheckAsync(string account, string address, CancellationToken ct = default)
    {
        var row = await db.SignInThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.Account == account && t.ClientAddress == address, ct);
        return row is null ? ThrottleState.Allowed : StateOf(row, clock.GetUtcNow());
    }

    /// <summary>Counts a failure and says what the next attempt from this address faces.</summary>
    public async Task<ThrottleState> FailedAsync(string account, string address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(Settings.LockMinutes);
        // Names typed once and never again (typos, guessers) are forgotten a day later.
        var forgotten = now.AddDays(-1);
        await db.SignInThrottles.Where(t => t.LastFailureAt < forgotten && (t.LockedUntil == null || t.LockedUntil < now)).ExecuteDeleteAsync(ct);
        var row = await db.SignInThrottles.FirstOrDefaultAsync(t => t.Account == account && t.ClientAddress == address, ct);
        if (row is null)
        {
            row = new SignInThrottle { Account = account, ClientAddress = address, FirstFailureAt = now };
            db.SignInThrottles.Add(row);
        }
        else if (now - row.LastFailureAt > window && !(row.LockedUntil > now))
        {
            // Failures long ago do not count against an attempt today.
            row.Failures = 0;
            row.FirstFailureAt = now;
            row.LockedUntil = null;
            row.NextAttemptAt = null;
        }
        row.Failures++;
        row.LastFailureAt = now;
        if (row.Failures >= Settings.LockAfter)
        {
            row.LockedUntil = now + window;
        }
        else if (row.Failures >= Settings.SlowDownAfter)
        {
            // 2 s after the third failure, 4 s after the fourth, ...
            row.NextAttemptAt = now + TimeSpan.FromSeconds(Math.Pow(2, row.Failures - Settings.SlowDownAfter + 1));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two failures at once from a new address: the other request made the row; count this one on it.
            db.ChangeTracker.Clear();
            return await FailedAsync(account, address, ct);
        }
        return StateOf(row, now);
    }

    /// <summary>A success from an address forgets that address's failures.</summary>
    public Task SucceededAsync(string account, string address, CancellationToken ct = default) =>
        db.SignInThrottles.Where(t => t.Account == account && t.ClientAddress == address).ExecuteDeleteAsync(ct);

    /// <summary>An administrator's unlock: every address may try again.</summary>
    public Task<int> ClearAsync(string account, CancellationToken ct = default) =>
        db.SignInThrottles.Where(t => t.Account == account).ExecuteDeleteAsync(ct);

    /// <summary>The addresses locked out of the account now, with when each lock ends.</summary>
    public async Task<IReadOnlyList<(string Address, DateTimeOffset Until)>> LockedAsync(string account, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.SignInThrottles.AsNoTracking().Where(t => t.Account == account && t.LockedUntil > now).ToListAsync(ct);
        return rows.Select(r => (r.ClientAddress, r.LockedUntil!.Value)).ToList();
    }

    private static ThrottleState StateOf(SignInThrottle row, DateTimeOffset now) =>
        row.LockedUntil > now ? new ThrottleState(ThrottleVerdict.Locked, row.LockedUntil, row.Failures)
        : row.NextAttemptAt > now ? new ThrottleState(ThrottleVerdict.Wait, row.NextAttemptAt, row.Failures)
        : new ThrottleState(ThrottleVerdict.Allowed, null, row.Failures);
}
