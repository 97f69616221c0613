using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Identity;

/// <summary>
/// The parents' sessions this node found alive, so a parent's every request does not read the account again: on the
/// morning results come out that is thousands of reads a second of rows that do not change. A sign-out or a disabling
/// here forgets the account at once; one made on another node or by the command line is seen within a second or two,
/// through the accounts whose <see cref="ParentAccount.SessionsChangedAt"/> is recent (<see cref="ChangeWatch{TKey}"/>).
/// </summary>
public sealed class ParentSessionMemory
{
    /// <summary>How long a session found alive is believed at most, whatever the watch says.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    /// <summary>Bounds the memory: past this many accounts remembered, the memory starts again (each costs one read).</summary>
    public const int MostRemembered = 200_000;

    private readonly ConcurrentDictionary<Guid, (int Version, long Until)> _alive = new();
    private readonly ChangeWatch<Guid> _watch;

    public ParentSessionMemory() => _watch = new ChangeWatch<Guid>(Forget, _alive.Clear);

    /// <summary>Whether the session is remembered alive (after asking, at most once a second, which accounts changed).</summary>
    public async ValueTask<bool> RemembersAsync(KernelDb db, Guid account, int sessionVersion, CancellationToken ct)
    {
        await _watch.CatchUpAsync((since, most, token) => db.ParentAccounts.Where(a => a.SessionsChangedAt >= since)
            .OrderBy(a => a.SessionsChangedAt).Select(a => a.Id).Take(most).ToListAsync(token), ct);
        return _watch.IsCurrent && _alive.TryGetValue(account, out var kept) && kept.Version == sessionVersion
            && Environment.TickCount64 < kept.Until;
    }

    public void Remember(Guid account, int sessionVersion)
    {
        if (_alive.Count >= MostRemembered)
        {
            _alive.Clear();
        }
        _alive[account] = (sessionVersion, Environment.TickCount64 + (long)MaxAge.TotalMilliseconds);
    }

    public void Forget(Guid account) => _alive.TryRemove(account, out _);
}
