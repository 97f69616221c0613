namespace Qedu.Admissions.Rules;

/// <summary>A season as applications are checked against it, with its zone lines indexed; kept while the season is unchanged.</summary>
internal sealed record SeasonSnapshot(PublicSeason Season, ZoneMatcher.Index Zones, int Revision, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>
/// The seasons parents apply to, kept in memory (a node-local copy of public data): the morning a window opens,
/// thousands of submissions a second check the same season and zone list. A kept season is used without a read for
/// <see cref="Recheck"/> after its revision was last confirmed; then one indexed read of the revision and window
/// confirms it again, and a changed season is read whole. Every change of a season's set-up or zones moves its
/// revision on, and a change saved through this process (<see cref="Changed"/>) is seen at once; one saved on another
/// node is seen within <see cref="Recheck"/>. The window's own close is exact: it is compared with the clock on every
/// submission.
/// </summary>
internal sealed class SeasonSnapshots
{
    /// <summary>How long a confirmed season is used without asking the database.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    /// <summary>Moves on whenever this process saves a season, its schools, categories, rules or zones (any season).</summary>
    private static long _generation;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Season, bool English), Kept> _seasons = new();

    private sealed record Kept(SeasonSnapshot Snapshot, long ConfirmedAt, long Generation);

    /// <summary>Says a season's set-up is being changed here: every kept season is confirmed again before its next use.</summary>
    public static void Changed() => Interlocked.Increment(ref _generation);

    /// <summary>The kept season when it was confirmed less than <see cref="Recheck"/> ago and nothing changed here since.</summary>
    public SeasonSnapshot? Fresh(long seasonId, bool english) =>
        _seasons.TryGetValue((seasonId, english), out var k)
        && k.Generation == Volatile.Read(ref _generation)
        && Environment.TickCount64 - k.ConfirmedAt < (long)Recheck.TotalMilliseconds
            ? k.Snapshot
            : null;

    /// <summary>
    /// The kept season when its revision and window are the stored ones (and from now on confirmed). Read the
    /// generation (<see cref="Generation"/>) before reading the stored revision and pass it, so a change saved in between is
    /// not taken as confirmed.
    /// </summary>
    public SeasonSnapshot? Find(long seasonId, bool english, int revision, DateTimeOffset opensAt, DateTimeOffset closesAt, long generation)
    {
        if (!_seasons.TryGetValue((seasonId, english), out var k))
        {
            return null;
        }
        var s = k.Snapshot;
        if (s.Revision != revision || s.OpensAt != opensAt || s.ClosesAt != closesAt)
        {
            return null;
        }
        _seasons[(seasonId, english)] = new Kept(s, Environment.TickCount64, generation);
        return s;
    }

    /// <summary>The current generation, read before the stored revision is.</summary>
    public static long Generation => Volatile.Read(ref _generation);

    public void Keep(bool english, SeasonSnapshot snapshot, long generation) =>
        _seasons[(snapshot.Season.Id, english)] = new Kept(snapshot, Environment.TickCount64, generation);
}
