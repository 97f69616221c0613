using Microsoft.EntityFrameworkCore;
using Qedu.Admissions.Contracts;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Kernel.Access;

namespace Qedu.Admissions.Statistics;

/// <summary>
/// <see cref="IAdmissionsStatistics"/> from two grouped queries over the year's seasons (their applications by zone
/// school, offered school, status and whether every stated fact was verified; their seats by school), read past the
/// scope: figures for the indicator computation, not children.
/// </summary>
internal sealed class AdmissionsStatistics(AdmissionsDb db) : IAdmissionsStatistics
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly ApplicationStatus[] PassedReview =
        [ApplicationStatus.Approved, ApplicationStatus.Offered, ApplicationStatus.Unplaced, ApplicationStatus.Accepted, ApplicationStatus.Declined];

    private static readonly ApplicationStatus[] WasOffered = [ApplicationStatus.Offered, ApplicationStatus.Accepted, ApplicationStatus.Declined];

    public async Task<IReadOnlyList<AdmissionsUnitFigures>> FiguresAsync(int year, CancellationToken ct = default)
    {
        // A city has a few seasons a year: read whole and chosen by their close in China time (in memory, as both
        // providers compare the stored instants differently).
        var seasons = (await db.Seasons.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Select(s => new { s.Id, s.OrgUnitId, s.ClosesAt }).ToListAsync(ct))
            .Where(s => s.ClosesAt.ToOffset(China).Year == year)
            .ToDictionary(s => s.Id, s => s.OrgUnitId);
        if (seasons.Count == 0)
        {
            return [];
        }
        var ids = seasons.Keys.ToList();
        var groups = await db.Applications.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(a => ids.Contains(a.SeasonId) && a.Status != ApplicationStatus.Draft)
            .GroupBy(a => new
            {
                a.SeasonId,
                a.ZoneSchoolId,
                a.OfferSchoolId,
                a.Status,
                Verified = (a.HukouAtHome || a.PropertyAtHome || a.InsuranceMonths > 0)
                    && (!a.HukouAtHome || a.HukouCheck == FactCheck.Verified)
                    && (!a.PropertyAtHome || a.PropertyCheck == FactCheck.Verified)
                    && (a.InsuranceMonths == 0 || a.InsuranceCheck == FactCheck.Verified),
            })
            .Select(g => new { g.Key.SeasonId, g.Key.ZoneSchoolId, g.Key.OfferSchoolId, g.Key.Status, g.Key.Verified, Count = g.Count() })
            .ToListAsync(ct);
        var seats = await db.SeasonSchools.AsNoTracking().Where(s => ids.Contains(s.SeasonId))
            .GroupBy(s => s.SchoolId).Select(g => new { School = g.Key, Seats = g.Sum(s => s.Seats) }).ToListAsync(ct);

        var units = new Dictionary<int, Counts>();
        Counts At(int unit) => units.TryGetValue(unit, out var c) ? c : units[unit] = new Counts();
        foreach (var g in groups)
        {
            var bureau = seasons[g.SeasonId];
            var home = At(g.ZoneSchoolId ?? bureau);
            home.Applications += g.Count;
            if (PassedReview.Contains(g.Status))
            {
                home.Approved += g.Count;
            }
            if (g.Verified)
            {
                home.Verified += g.Count;
            }
            if (g.OfferSchoolId is { } offered && WasOffered.Contains(g.Status))
            {
                At(offered).Offered += g.Count;
                if (g.Status == ApplicationStatus.Accepted)
                {
                    At(offered).Accepted += g.Count;
                }
            }
            if (g.Status == ApplicationStatus.Unplaced)
            {
                At(bureau).Unplaced += g.Count;
            }
        }
        foreach (var s in seats)
        {
            At(s.School).Seats += s.Seats;
        }
        return units.Select(u => new AdmissionsUnitFigures(
                u.Key, u.Value.Applications, u.Value.Approved, u.Value.Offered, u.Value.Accepted, u.Value.Unplaced, u.Value.Verified, u.Value.Seats))
            .OrderBy(f => f.OrgUnitId).ToList();
    }

    private sealed class Counts
    {
        public int Applications { get; set; }
        public int Approved { get; set; }
        public int Offered { get; set; }
        public int Accepted { get; set; }
        public int Unplaced { get; set; }
        public int Verified { get; set; }
        public int Seats { get; set; }
    }
}
