using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Rectifications.Contracts;
using Qedu.Registry.Contracts;
using Qedu.Safety.Data;
using Qedu.Safety.Domain;
using Qedu.Safety.Rules;

namespace Qedu.Safety.Features.Overview;

internal sealed record SafetyOverviewView(
    int Schools, int OpenHazards, int Overdue, int Serious, int SchoolsWithSelfChecksDue, int LicenceWarnings,
    IReadOnlyList<SchoolSafetyLine> Lines, SchoolSafety? School);

/// <summary>A school's line: open hazards (overdue, serious), its last inspections, self-checks due, drills this year, a canteen licence about to expire.</summary>
public sealed record SchoolSafetyLine(
    string Code, string Name, int Open, int Overdue, int Serious, DateOnly? LastSelf, DateOnly? LastFromAbove, int SelfChecksDue, int Drills, bool LicenceWarning)
{
    /// <summary>Where the school is (from its registry profile), for the map of open hazards; null when unknown.</summary>
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
}

internal sealed record SchoolSafety(
    string Code, string Name, IReadOnlyList<InspectionLine> Inspections, IReadOnlyList<RectificationSummary> Hazards, IReadOnlyList<SelfCheck> SelfChecks,
    IReadOnlyList<DrillLine> Drills, IReadOnlyList<TeamLine> Teams, IReadOnlyList<CanteenLine> Canteens);

internal sealed record InspectionLine(long Id, string Kind, DateOnly On, int Items, int Failed, string RecordedBy);

/// <summary>A checklist's self-inspection: when last done and when next due (overdue when past).</summary>
internal sealed record SelfCheck(string Code, string Name, DateOnly? Last, DateOnly Due, bool Overdue);

internal sealed record DrillLine(string Kind, DateOnly On, int Participants, string? Problems);

internal sealed record TeamLine(string Kind, int Members, string Leader, DateOnly UpdatedOn);

internal sealed record CanteenLine(string Name, string LicenceNumber, DateOnly LicenceExpires, bool Standard, int Seats, bool Expiring);

/// <summary>
/// Campus safety at a glance (safety.read): for a district or the city, every school in scope with its open hazards,
/// inspections, self-checks due and canteen licences; for one school, its inspections, hazards, self-check schedule,
/// drills, security teams and canteens. A handful of grouped queries whatever the number of schools.
/// </summary>
internal sealed class SafetyOverview(SafetyDb db, OrgTree orgTree, SafetyRules rules, IRectifications rectifications, ISchoolProfiles profiles, TimeProvider clock)
{
    public async Task<SafetyOverviewView> ViewAsync(string? schoolCode, CancellationToken ct = default)
    {
        var today = CityDate.Today(clock);
        var schools = await orgTree.OfKindAsync([OrgUnitKind.School], ct: ct);
        var counts = (await rectifications.CountsAsync(Hazards.Kind, ct)).ToDictionary(c => c.UnitId);
        var yearAgo = today.AddDays(-365);
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.InspectedOn >= yearAgo)
            .GroupBy(i => new { i.OrgUnitId, Self = i.Kind == InspectionKind.Self, i.Checklists })
            .Select(g => new { g.Key.OrgUnitId, g.Key.Self, g.Key.Checklists, Last = g.Max(i => i.InspectedOn) }).ToListAsync(ct);
        var drills = await db.Drills.AsNoTracking().Where(d => d.HeldOn >= yearAgo).GroupBy(d => d.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var warnBefore = today.AddDays(rules.LicenceWarningDays);
        var expiring = (await db.Canteens.AsNoTracking().Where(c => c.LicenceExpires <= warnBefore).Select(c => c.OrgUnitId).Distinct().ToListAsync(ct)).ToHashSet();

        var selfBySchool = inspections.Where(i => i.Self).ToLookup(i => i.OrgUnitId);
        var places = (await profiles.PlacesAsync([.. schools.Select(s => s.Id)], ct)).ToDictionary(p => p.OrgUnitId);
        var lines = schools.Select(s =>
        {
            var c = counts.GetValueOrDefault(s.Id);
            var self = SelfChecks(selfBySchool[s.Id].Select(i => (i.Checklists, i.Last)), today);
            return new SchoolSafetyLine(s.Code, s.Name, c?.Open ?? 0, c?.Overdue ?? 0, c?.Serious ?? 0,
                selfBySchool[s.Id].Select(i => (DateOnly?)i.Last).DefaultIfEmpty().Max(),
                inspections.Where(i => !i.Self && i.OrgUnitId == s.Id).Select(i => (DateOnly?)i.Last).DefaultIfEmpty().Max(),
                self.Count(x => x.Overdue), drills.GetValueOrDefault(s.Id), expiring.Contains(s.Id))
            {
                Latitude = places.GetValueOrDefault(s.Id)?.Latitude, Longitude = places.GetValueOrDefault(s.Id)?.Longitude,
            };
        }).OrderByDescending(l => l.Overdue).ThenByDescending(l => l.Open).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();

        var school = schoolCode is null && schools.Count == 1 ? schools[0]
            : schoolCode is null ? null : schools.FirstOrDefault(s => s.Code == schoolCode.Trim());
        return new SafetyOverviewView(schools.Count, lines.Sum(l => l.Open), lines.Sum(l => l.Overdue), lines.Sum(l => l.Serious),
            lines.Count(l => l.SelfChecksDue > 0), lines.Count(l => l.LicenceWarning), lines,
            school is null ? null : await SchoolAsync(school, today, selfBySchool[school.Id].Select(i => (i.Checklists, i.Last)), ct));
    }

    private async Task<SchoolSafety> SchoolAsync(OrgUnit school, DateOnly today, IEnumerable<(string Checklists, DateOnly Last)> self, CancellationToken ct)
    {
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.OrgUnitId == school.Id).OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id)
            .Take(30).ToListAsync(ct);
        var allIds = await db.Inspections.AsNoTracking().Where(i => i.OrgUnitId == school.Id).Select(i => i.Id).ToListAsync(ct);
        var hazards = (await rectifications.ForSourcesAsync(Hazards.Kind, allIds, ct))
            .OrderBy(h => h.State == RectificationState.Closed).ThenByDescending(h => h.Overdue).ThenBy(h => h.DueOn).Take(50).ToList();
        var drills = await db.Drills.AsNoTracking().Where(d => d.OrgUnitId == school.Id).OrderByDescending(d => d.HeldOn).Take(20).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Where(x => x.OrgUnitId == school.Id).OrderBy(x => x.Kind).ToListAsync(ct);
        var canteens = await db.Canteens.AsNoTracking().Where(c => c.OrgUnitId == school.Id).OrderBy(c => c.Name).ToListAsync(ct);
        var warnBefore = today.AddDays(rules.LicenceWarningDays);
        return new SchoolSafety(school.Code, school.Name,
            [.. inspections.Select(i => new InspectionLine(i.Id, i.Kind.ToString(), i.InspectedOn, i.Items, i.Failed, i.RecordedBy))],
            hazards, SelfChecks(self, today),
            [.. drills.Select(d => new DrillLine(d.Kind, d.HeldOn, d.Participants, d.Problems))],
            [.. teams.Select(x => new TeamLine(x.Kind, x.Members, x.Leader, x.UpdatedOn))],
            [.. canteens.Select(c => new CanteenLine(c.Name, c.LicenceNumber, c.LicenceExpires, c.Standard, c.Seats, c.LicenceExpires <= warnBefore))]);
    }

    /// <summary>Each checklist's last self-inspection (an inspection covering several lists counts for each) and when the next is due.</summary>
    private List<SelfCheck> SelfChecks(IEnumerable<(string Checklists, DateOnly Last)> self, DateOnly today)
    {
        var last = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var (lists, on) in self)
        {
            foreach (var code in lists.Split(','))
            {
                if (!last.TryGetValue(code, out var seen) || on > seen)
                {
                    last[code] = on;
                }
            }
        }
        return [.. rules.Checklists.Select(l =>
        {
            DateOnly? seen = last.TryGetValue(l.Code, out var d) ? d : null;
            var due = seen?.AddDays(l.EveryDays) ?? today;
            return new SelfCheck(l.Code, l.Name, seen, due, seen is null || due < today);
        })];
    }
}
