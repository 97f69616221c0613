using Microsoft.EntityFrameworkCore;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Rules;

namespace Qedu.Admissions.Features.Seasons;

/// <summary>Applications that chose a school first, against its seats.</summary>
internal sealed record SchoolDemand(int SchoolId, string Name, bool IsPrivate, int Seats, int FirstChoices, int Approved, int InZone);

/// <summary>How many of the submitted applications an agency's exchange file verified or flagged for one fact (the rest: unchecked).</summary>
internal sealed record FactChecks(VerificationKind Fact, int Verified, int Mismatch, int Submitted)
{
    public int Unchecked => Submitted - Verified - Mismatch;
}

/// <summary>A season's live figures in the caller's scope: demand per school, counts by status and category, and the agencies' checks.</summary>
internal sealed record SeasonFigures(
    IReadOnlyList<SchoolDemand> Schools, IReadOnlyDictionary<ApplicationStatus, int> ByStatus, IReadOnlyDictionary<long, int> ByCategory,
    int Unmatched, int Submitted, IReadOnlyList<FactChecks> Checks, int PendingAppeals = 0);

internal sealed class SeasonStatistics(AdmissionsDb db, SeasonRules rules)
{
    /// <summary>The seasons the caller reviews or runs: those with applications in scope, and those their bureau runs.</summary>
    public async Task<IReadOnlyList<PublicSeason>> SeasonsAsync(CancellationToken ct = default)
    {
        var own = await db.Seasons.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        var reviewed = await db.Applications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Draft).Select(a => a.SeasonId).Distinct().ToListAsync(ct);
        var list = new List<PublicSeason>();
        foreach (var id in own.Union(reviewed).Order())
        {
            if (await rules.FindAsync(id, ct) is { } season)
            {
                list.Add(season);
            }
        }
        return list.OrderByDescending(s => s.OpensAt).ToList();
    }

    /// <summary>The caller's scope holds the season's bureau (its staff), as opposed to only some of its applications.</summary>
    public Task<bool> SeesAsync(PublicSeason season, CancellationToken ct = default) =>
        db.Seasons.AsNoTracking().AnyAsync(s => s.Id == season.Id, ct);

    /// <summary>Counts by the database (grouped), so a season of a hundred thousand applications loads no rows.</summary>
    public async Task<SeasonFigures> ComputeAsync(PublicSeason season, CancellationToken ct = default)
    {
        var applications = db.Applications.AsNoTracking().Where(a => a.SeasonId == season.Id && a.Status != ApplicationStatus.Draft);
        var byStatus = (await applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var byCategory = (await applications.Where(a => a.CategoryId != null).GroupBy(a => a.CategoryId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var unmatched = await applications.CountAsync(a => a.ZoneSchoolId == null, ct);
        var first = await (
                from c in db.Choices.AsNoTracking()
                join a in applications on c.ApplicationId equals a.Id
                where c.Rank == 1
                group a by c.SchoolId into g
                select new { School = g.Key, Count = g.Count(), Approved = g.Count(a => a.Status == ApplicationStatus.Approved) })
            .ToListAsync(ct);
        var inZone = (await applications.Where(a => a.ZoneSchoolId != null).GroupBy(a => a.ZoneSchoolId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var firstBySchool = first.ToDictionary(x => x.School);
        var schools = season.Schools.Select(s => new SchoolDemand(
            s.SchoolId, s.Name, s.IsPrivate, s.Seats,
            firstBySchool.TryGetValue(s.SchoolId, out var f) ? f.Count : 0,
            firstBySchool.TryGetValue(s.SchoolId, out var g) ? g.Approved : 0,
            inZone.GetValueOrDefault(s.SchoolId))).ToList();
        var submitted = byStatus.Values.Sum();
        var hukou = await CountChecksAsync(applications.GroupBy(a => a.HukouCheck), ct);
        var property = await CountChecksAsync(applications.GroupBy(a => a.PropertyCheck), ct);
        var insurance = await CountChecksAsync(applications.GroupBy(a => a.InsuranceCheck), ct);
        FactChecks Of(VerificationKind fact, Dictionary<FactCheck, int> counts) =>
            new(fact, counts.GetValueOrDefault(FactCheck.Verified), counts.GetValueOrDefault(FactCheck.Mismatch), submitted);
        var pendingAppeals = await applications.CountAsync(a => a.AppealStatus == AppealStatus.Pending, ct);
        return new SeasonFigures(schools, byStatus, byCategory, unmatched, submitted,
            [Of(VerificationKind.Hukou, hukou), Of(VerificationKind.Property, property), Of(VerificationKind.Insurance, insurance)], pendingAppeals);
    }

    private static async Task<Dictionary<FactCheck, int>> CountChecksAsync(IQueryable<IGrouping<FactCheck, Application>> groups, CancellationToken ct) =>
        (await groups.Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
}
