namespace Qedu.Admissions.Rules;

/// <summary>A season as applications are checked against it, with its zone lines indexed; kept while the season is unchanged.</summary>
internal sealed record SeasonSnapshot(PublicSeason Season, ZoneMatcher.Index Zones, int Revision, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>
/// The seasons parents apply to, kept in memory (a node-local copy of public data): the morning a window opens,
/// thousands of submissions a second check the same season and zone list, which then costs one indexed read of the
/// season's revision and window instead of reading the season, its schools, categories, rules and every zone line.
/// Every change of a season's set-up or zones moves its revision on, so a changed season is read again at once.
/// </summary>
internal sealed class SeasonSnapshots
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Season, bool English), SeasonSnapshot> _seasons = new();

    public SeasonSnapshot? Find(long seasonId, bool english, int revision, DateTimeOffset opensAt, DateTimeOffset closesAt) =>
        _seasons.TryGetValue((seasonId, english), out var s) && s.Revision == revision && s.OpensAt == opensAt && s.ClosesAt == closesAt ? s : null;

    public void Keep(bool english, SeasonSnapshot snapshot) => _seasons[(snapshot.Season.Id, english)] = snapshot;
}
