using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Identity;

/// <summary>
/// The parents' sessions this node found alive, so a parent's every request does not read the account again: on the
/// morning results come out that is thousands of reads a second of rows that do not change. A sign-out or a disabling
/// here forgets the account at once; one made on another node or by the command line is seen within a second or two,
/// through the accounts whose <see cref="ParentAccount.SessionsChangedAt"/> is recent (<see cref="KeptRows{TKey, TValue}"/>).
/// </summary>
public sealed class ParentSessionMemory
{
    /// <summary>How long a session found alive is believed at most, whatever the watch says.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    /// <summary>Bounds the memory: past this many accounts remembered, the memory starts again (each costs one read).</summary>
    public const int MostRemembered = 200_000;

    private sealed record Alive(int SessionVersion);

    private readonly KeptRows<Guid, Alive> _alive = new(MaxAge, MostRemembered);

    /// <summary>Whether the session is remembered alive (after asking, at most once a second, which accounts changed).</summary>
    public async ValueTask<bool> RemembersAsync(KernelDb db, Guid account, int sessionVersion, CancellationToken ct) =>
        await _alive.FindAsync(account, (since, most, token) => db.ParentAccounts.Where(a => a.SessionsChangedAt >= since)
            .OrderBy(a => a.SessionsChangedAt).Select(a => a.Id).Take(most).ToListAsync(token), ct) is { } kept
        && kept.SessionVersion == sessionVersion;

    public void Remember(Guid account, int sessionVersion) => _alive.Keep(account, new Alive(sessionVersion));

    public void Forget(Guid account) => _alive.Forget(account);
}
