using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Identity;

/// <summary>
/// What this node knows of parents' sessions, so a parent's request does not read the account: on the morning a window
/// opens or results come out that is thousands of reads a second of rows that do not change.
/// <list type="bullet">
/// <item>The accounts whose sessions ever changed (<see cref="ParentAccount.SessionsChangedAt"/> set: signed out,
/// disabled, enabled), read once and then kept current by the watch. Every other account is still at its first session
/// generation and enabled (a check constraint holds every writer to that), so a cookie of generation 0 for it is alive
/// without a read: most parents on the first morning.</item>
/// <item>The sessions found alive by a read (at most <see cref="MaxAge"/> each), for the accounts that did change.</item>
/// </list>
/// A sign-out or a disabling here is known at once; one made on another node or by the command line within a second or
/// two, through the accounts whose stamp is recent (<see cref="KeptRows{TKey, TValue}"/>). Nothing is believed while the
/// watch is not current.
/// </summary>
public sealed class ParentSessionMemory
{
    /// <summary>How long a session found alive is believed at most, whatever the watch says.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    /// <summary>Bounds the memory: past this many accounts remembered, the memory starts again (each costs one read).</summary>
    public const int MostRemembered = 200_000;

    private sealed record Alive(int SessionVersion);

    /// <summary>The accounts whose sessions changed. Published before it is filled, so a change the watch reports meanwhile is not lost.</summary>
    private sealed class Changed(DateTimeOffset readFrom)
    {
        public ConcurrentDictionary<Guid, byte> Accounts { get; } = new();

        /// <summary>The read began here: the watch must have heard of every change since, for the list to be whole.</summary>
        public DateTimeOffset ReadFrom { get; } = readFrom;

        public volatile bool Complete;

        /// <summary>The watch reported more changes than it lists while (or after) this was read: not to be believed.</summary>
        public volatile bool Abandoned;
    }

    private readonly KeptRows<Guid, Alive> _alive;
    private volatile Changed? _changed;
    private int _reading;

    public ParentSessionMemory() =>
        _alive = new KeptRows<Guid, Alive>(MaxAge, MostRemembered,
            changed: account => _changed?.Accounts.TryAdd(account, 0),
            // More changes at once than the watch lists: read the list again (a read in progress is not believed).
            allChanged: () =>
            {
                if (_changed is { } stale)
                {
                    stale.Abandoned = true;
                }
                _changed = null;
            });

    /// <summary>Whether the session is known alive without reading the account (after asking, at most once a second, which accounts changed).</summary>
    public async ValueTask<bool> RemembersAsync(KernelDb db, Guid account, int sessionVersion, CancellationToken ct)
    {
        if (await _alive.FindAsync(account, (since, most, token) => db.ParentAccounts.Where(a => a.SessionsChangedAt >= since)
                .OrderBy(a => a.SessionsChangedAt).Select(a => a.Id).Take(most).ToListAsync(token), ct) is { } kept)
        {
            return kept.SessionVersion == sessionVersion;
        }
        if (sessionVersion != 0)
        {
            return false;
        }
        var changed = _changed ?? await ReadChangedAsync(db, ct);
        var watch = _alive.Watch;
        return changed is { Complete: true, Abandoned: false }
               && watch.IsCurrent && watch.CoveredFrom <= changed.ReadFrom
               && !changed.Accounts.ContainsKey(account);
    }

    /// <summary>Reads which accounts' sessions ever changed; one caller reads, the others go on without (null).</summary>
    private async Task<Changed?> ReadChangedAsync(KernelDb db, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            return null;
        }
        try
        {
            if (_changed is { } other)
            {
                return other;
            }
            var changed = new Changed(DateTimeOffset.UtcNow);
            _changed = changed;
            // The filtered index on the stamp holds exactly these accounts.
            foreach (var id in await db.ParentAccounts.AsNoTracking().Where(a => a.SessionsChangedAt != null).Select(a => a.Id).ToListAsync(ct))
            {
                changed.Accounts.TryAdd(id, 0);
            }
            changed.Complete = true;
            return changed;
        }
        catch
        {
            _changed = null;
            throw;
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    public void Remember(Guid account, int sessionVersion) => _alive.Keep(account, new Alive(sessionVersion));

    /// <summary>The account's sessions changed here (signed out, disabled, enabled): known at once.</summary>
    public void Forget(Guid account)
    {
        _changed?.Accounts.TryAdd(account, 0);
        _alive.Forget(account);
    }
}
