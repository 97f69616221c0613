using Microsoft.EntityFrameworkCore;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Admissions.Rules;

/// <summary>A season as everyone may see it (parents choose from it): its window, ages, schools and categories.</summary>
internal sealed record PublicSeason(
    long Id, string Code, string Name, SeasonStage Stage, SeasonMechanism Mechanism, int BureauId, string BureauName,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateOnly BornFrom, DateOnly BornTo, int MaxPrivateChoices,
    IReadOnlyList<PublicSchool> Schools, IReadOnlyList<SeasonCategory> Categories, IReadOnlyList<PointsRule> PointsRules,
    DateTimeOffset? ResultsPublishedAt = null, int AcceptDays = 7, int AppealDays = 5)
{
    /// <summary>Until when (exclusive) a family may ask for a review (复核); null before the results are published.</summary>
    public DateTimeOffset? AppealsCloseAt => ResultsPublishedAt?.AddDays(AppealDays);
}

internal sealed record PublicSchool(int SchoolId, string Name, bool IsPrivate, int Seats);

/// <summary>
/// What a season publishes, read past the staff scope: parents (who hold no grant) must see every open season, its
/// schools and its zones to apply. Nothing here names a child.
/// </summary>
internal sealed class SeasonRules(AdmissionsDb db, OrgTree tree, SeasonSnapshots snapshots)
{
    public async Task<IReadOnlyList<PublicSeason>> PublishedAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var ids = await db.Seasons.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(s => s.ClosesAt > now.AddDays(-365))
            .OrderBy(s => s.OpensAt).Select(s => s.Id).ToListAsync(ct);
        var list = new List<PublicSeason>();
        foreach (var id in ids)
        {
            list.Add((await FindAsync(id, ct))!);
        }
        return list;
    }

    public async Task<PublicSeason?> FindAsync(long seasonId, CancellationToken ct = default)
    {
        var season = await db.Seasons.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstOrDefaultAsync(s => s.Id == seasonId, ct);
        if (season is null)
        {
            return null;
        }
        var schools = await db.SeasonSchools.AsNoTracking().Where(s => s.SeasonId == seasonId).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.SeasonId == seasonId).OrderBy(c => c.Rank).ToListAsync(ct);
        var rules = await db.PointsRules.AsNoTracking().Where(r => r.SeasonId == seasonId).OrderBy(r => r.Id).ToListAsync(ct);
        var units = await tree.UnitsOfAsync(schools.Select(s => s.SchoolId).Append(season.OrgUnitId), ct);
        var english = Qedu.Kernel.Codes.CodeBook.IsEnglish;
        string NameOf(int id) => units.TryGetValue(id, out var u) ? u.DisplayName(english) : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PublicSeason(
            season.Id, season.Code, season.Name, season.Stage, season.Mechanism, season.OrgUnitId, NameOf(season.OrgUnitId),
            season.OpensAt, season.ClosesAt, season.BornFrom, season.BornTo, season.MaxPrivateChoices,
            schools.Select(s => new PublicSchool(s.SchoolId, NameOf(s.SchoolId), s.IsPrivate, s.Seats)).OrderBy(s => s.IsPrivate).ThenBy(s => s.Name, StringComparer.Ordinal).ToList(),
            categories, rules,
            season.ResultsPublishedAt, season.AcceptDays, season.AppealDays);
    }

    /// <summary>
    /// The season with its zone lines indexed (null: no such season), from memory while its revision and window are
    /// the stored ones (<see cref="SeasonSnapshots"/>).
    /// </summary>
    public async Task<SeasonSnapshot?> SnapshotAsync(long seasonId, CancellationToken ct = default)
    {
        var english = Qedu.Kernel.Codes.CodeBook.IsEnglish;
        if (snapshots.Fresh(seasonId, english) is { } fresh)
        {
            return fresh;
        }
        var generation = SeasonSnapshots.Generation;
        var current = await db.Seasons.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => s.Id == seasonId)
            .Select(s => new { s.Revision, s.OpensAt, s.ClosesAt }).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return null;
        }
        if (snapshots.Find(seasonId, english, current.Revision, current.OpensAt, current.ClosesAt, generation) is { } kept)
        {
            return kept;
        }
        var season = await FindAsync(seasonId, ct);
        if (season is null)
        {
            return null;
        }
        // A district's zone list is a few thousand short lines: read whole, indexed by normalised name.
        var lines = await db.ZoneLines.AsNoTracking().Where(l => l.SeasonId == seasonId).ToListAsync(ct);
        var snapshot = new SeasonSnapshot(season, new ZoneMatcher.Index(lines), current.Revision, current.OpensAt, current.ClosesAt);
        snapshots.Keep(english, snapshot, generation);
        return snapshot;
    }
}
