namespace Qedu.Kernel.Persistence;

/// <summary>
/// Keeps a node's cache of rows honest when other nodes (or the command line) change them, without a read per use: at most
/// once a <see cref="Interval"/>, one query asks which rows changed in the last <see cref="Window"/> (by a changed-at column
/// their writers set, real time) and the cache forgets those. The window is much longer than the interval, so a change is
/// still seen when its transaction committed late or the writer's clock is a little off; a row changed lately is simply
/// forgotten again each interval until it leaves the window. More than <see cref="MostKeys"/> changes at once (results
/// published for a whole season) forget everything.
/// <para>
/// A cache trusts its entries only while the watch <see cref="IsCurrent"/>: when no check has succeeded for
/// <see cref="StaleAfter"/> (the database was unreachable, or the node was idle), entries are read again before use.
/// Changes made on this node are forgotten by their writer at once; the watch is for everyone else's.
/// </para>
/// <para>
/// Each check asks from the <see cref="Window"/> before the last successful one began (not before now), so a node idle
/// for longer than the window still hears of every change made meanwhile; the watch has heard of every change stamped
/// since <see cref="CoveredFrom"/>.
/// </para>
/// </summary>
public sealed class ChangeWatch<TKey>(Action<TKey> forget, Action forgetAll)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(5);
    public const int MostKeys = 5_000;

    /// <summary>When the last successful check started (<see cref="Environment.TickCount64"/>).</summary>
    private long _checkedAt = long.MinValue / 2;

    /// <summary>The same moment in real time, which the stamps are compared with; null before the first check.</summary>
    private DateTimeOffset? _checkedAtUtc;

    /// <summary>UTC ticks of <see cref="CoveredFrom"/>, in one word so that other threads never read half of it.</summary>
    private long _coveredFromTicks = long.MaxValue;

    /// <summary>Every change stamped at or after this time has been reported (forgotten); null before the first check.</summary>
    public DateTimeOffset? CoveredFrom =>
        Volatile.Read(ref _coveredFromTicks) is var ticks && ticks == long.MaxValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private int _checking;

    /// <summary>Whether a check succeeded lately enough for kept entries to be trusted.</summary>
    public bool IsCurrent => Environment.TickCount64 - Volatile.Read(ref _checkedAt) < (long)StaleAfter.TotalMilliseconds;

    /// <summary>
    /// Asks for the changes when the last check is older than <see cref="Interval"/>. One caller checks at a time; the
    /// others go on at once with what is known (trusted while <see cref="IsCurrent"/>). <paramref name="changedSince"/>
    /// returns the keys of rows changed at or after the time given, at most the number given.
    /// </summary>
    public async ValueTask CatchUpAsync(Func<DateTimeOffset, int, CancellationToken, Task<List<TKey>>> changedSince, CancellationToken ct)
    {
        if (Environment.TickCount64 - Volatile.Read(ref _checkedAt) < (long)Interval.TotalMilliseconds
            || Interlocked.Exchange(ref _checking, 1) == 1)
        {
            return;
        }
        try
        {
            var started = Environment.TickCount64;
            var startedUtc = DateTimeOffset.UtcNow;
            var since = (_checkedAtUtc ?? startedUtc) - Window;
            var keys = await changedSince(since, MostKeys + 1, ct);
            if (keys.Count > MostKeys)
            {
                forgetAll();
            }
            else
            {
                foreach (var key in keys)
                {
                    forget(key);
                }
            }
            // Forgetting everything covers whatever came before as well.
            if (CoveredFrom is null || keys.Count > MostKeys)
            {
                Volatile.Write(ref _coveredFromTicks, since.UtcTicks);
            }
            _checkedAtUtc = startedUtc;
            Volatile.Write(ref _checkedAt, started);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }
}
