using System.Collections.Concurrent;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// What a node read of some rows, kept so that asking again costs no database read, and honest across nodes: entries are
/// trusted only while the <see cref="ChangeWatch{TKey}"/> is current and forgotten when it reports their rows changed;
/// each is kept at most <c>maxAge</c>, and past <c>most</c> entries the memory starts again. The writer's node forgets a
/// row it changes at once (<see cref="Forget"/>). Used for parents' sessions and applications' statuses (ADR 12).
/// </summary>
public sealed class KeptRows<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long Until)> _kept = new();
    private readonly ChangeWatch<TKey> _watch;
    private readonly long _maxAgeMs;
    private readonly int _most;

    /// <param name="changed">Also told of each row the watch reports changed (another node's write).</param>
    /// <param name="allChanged">Also told when the watch reports more changes than it lists.</param>
    public KeptRows(TimeSpan maxAge, int most, Action<TKey>? changed = null, Action? allChanged = null)
    {
        _maxAgeMs = (long)maxAge.TotalMilliseconds;
        _most = most;
        _watch = new ChangeWatch<TKey>(
            key => { Forget(key); changed?.Invoke(key); },
            () => { ForgetAll(); allChanged?.Invoke(); });
    }

    /// <summary>The watch behind the kept rows: whether it is current, and since when it has heard of every change.</summary>
    public ChangeWatch<TKey> Watch => _watch;

    /// <summary>
    /// The kept value of <paramref name="key"/> when it can be trusted, else null (read it and <see cref="Keep"/> it).
    /// First asks, at most once a <see cref="ChangeWatch{TKey}.Interval"/>, which rows changed (<paramref name="changedSince"/>:
    /// the keys of rows stamped at or after the time given, at most the number given).
    /// </summary>
    public async ValueTask<TValue?> FindAsync(TKey key, Func<DateTimeOffset, int, CancellationToken, Task<List<TKey>>> changedSince, CancellationToken ct)
    {
        await _watch.CatchUpAsync(changedSince, ct);
        return _watch.IsCurrent && _kept.TryGetValue(key, out var kept) && Environment.TickCount64 < kept.Until ? kept.Value : null;
    }

    public void Keep(TKey key, TValue value)
    {
        if (_kept.Count >= _most)
        {
            _kept.Clear();
        }
        _kept[key] = (value, Environment.TickCount64 + _maxAgeMs);
    }

    public void Forget(TKey key) => _kept.TryRemove(key, out _);

    /// <summary>Forgets every row (a bulk change that stamps nothing, or more changes than the watch lists).</summary>
    public void ForgetAll() => _kept.Clear();
}
