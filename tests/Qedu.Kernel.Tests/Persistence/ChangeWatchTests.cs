using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Tests.Persistence;

/// <summary>The watch that keeps a node's caches honest: what it forgets, how often it asks, and when kept entries are trusted.</summary>
public sealed class ChangeWatchTests
{
    private sealed class Recorder
    {
        public List<int> Forgotten { get; } = [];
        public int Cleared { get; set; }
        public int Asked { get; set; }
        public DateTimeOffset Since { get; set; }
    }

    private static (ChangeWatch<int> Watch, Recorder Seen) NewWatch()
    {
        var seen = new Recorder();
        return (new ChangeWatch<int>(seen.Forgotten.Add, () => seen.Cleared++), seen);
    }

    private static Func<DateTimeOffset, int, CancellationToken, Task<List<int>>> Answer(Recorder seen, params int[] keys) => (since, most, _) =>
    {
        seen.Asked++;
        seen.Since = since;
        return Task.FromResult(keys.Take(most).ToList());
    };

    [Fact]
    public async Task Kept_entries_are_trusted_only_after_a_check_and_the_keys_changed_in_the_window_are_forgotten()
    {
        var (watch, seen) = NewWatch();
        Assert.False(watch.IsCurrent);

        await watch.CatchUpAsync(Answer(seen, 3, 5), CancellationToken.None);

        Assert.True(watch.IsCurrent);
        Assert.Equal([3, 5], seen.Forgotten);
        Assert.Equal(0, seen.Cleared);
        var window = DateTimeOffset.UtcNow - seen.Since;
        Assert.InRange(window, ChangeWatch<int>.Window - TimeSpan.FromSeconds(1), ChangeWatch<int>.Window + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task It_asks_at_most_once_an_interval_and_again_after_it()
    {
        var (watch, seen) = NewWatch();
        await watch.CatchUpAsync(Answer(seen, 1), CancellationToken.None);
        await watch.CatchUpAsync(Answer(seen, 2), CancellationToken.None);
        Assert.Equal(1, seen.Asked);
        Assert.Equal([1], seen.Forgotten);

        await Task.Delay(ChangeWatch<int>.Interval + TimeSpan.FromMilliseconds(100));
        await watch.CatchUpAsync(Answer(seen, 2), CancellationToken.None);
        Assert.Equal(2, seen.Asked);
        Assert.Equal([1, 2], seen.Forgotten);
    }

    [Fact]
    public async Task Each_check_asks_from_the_window_before_the_last_one_so_a_quiet_spell_misses_nothing()
    {
        var (watch, seen) = NewWatch();
        Assert.Null(watch.CoveredFrom);
        var firstAt = DateTimeOffset.UtcNow;
        await watch.CatchUpAsync(Answer(seen), CancellationToken.None);
        var first = seen.Since;
        Assert.InRange(first, firstAt - ChangeWatch<int>.Window - TimeSpan.FromSeconds(1), firstAt - ChangeWatch<int>.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(first, watch.CoveredFrom);

        // The next check, however late (a node idle for longer than the window), starts from the window before the first,
        // not before its own time: a change stamped in the quiet spell is still reported.
        await Task.Delay(ChangeWatch<int>.Interval + TimeSpan.FromMilliseconds(500));
        var secondAt = DateTimeOffset.UtcNow;
        await watch.CatchUpAsync(Answer(seen), CancellationToken.None);
        Assert.Equal(2, seen.Asked);
        Assert.True(seen.Since <= first + TimeSpan.FromMilliseconds(100), $"asked from {seen.Since:O}, after the first check's window {first:O}");
        Assert.True(seen.Since < secondAt - ChangeWatch<int>.Window - TimeSpan.FromSeconds(1));
        Assert.Equal(first, watch.CoveredFrom);
    }

    [Fact]
    public async Task More_changes_than_it_lists_forget_everything()
    {
        var (watch, seen) = NewWatch();
        await watch.CatchUpAsync(Answer(seen, Enumerable.Range(0, ChangeWatch<int>.MostKeys + 10).ToArray()), CancellationToken.None);
        Assert.Equal(1, seen.Cleared);
        Assert.Empty(seen.Forgotten);
    }

    [Fact]
    public async Task A_check_that_fails_leaves_the_entries_untrusted_and_the_next_caller_asks_again()
    {
        var (watch, seen) = NewWatch();
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await watch.CatchUpAsync((_, _, _) => throw new InvalidOperationException("database unreachable"), CancellationToken.None));
        Assert.False(watch.IsCurrent);

        await watch.CatchUpAsync(Answer(seen, 7), CancellationToken.None);
        Assert.True(watch.IsCurrent);
        Assert.Equal([7], seen.Forgotten);
    }
}
