using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Inspection.Data;
using Qedu.Inspection.Domain;
using Qedu.Inspection.Resources;
using Qedu.Inspection.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Rectifications.Contracts;

namespace Qedu.Inspection.Features.Assignments;

internal sealed record AssignInput(string? School, string? Inspector);

internal sealed record InspectionOverview(IReadOnlyList<SchoolLine> Schools, IReadOnlyList<InspectorLine> Inspectors, int Assigned, int OpenFindings, int OverdueFindings);

/// <summary>A school's line: its responsible inspector (挂牌督学), its last visit, its open findings.</summary>
internal sealed record SchoolLine(string Code, string Name, string? Inspector, DateOnly? Since, DateOnly? LastVisit, int Visits, int OpenFindings, int OverdueFindings);

/// <summary>An inspector of the district and how many schools they are responsible for.</summary>
internal sealed record InspectorLine(string UserName, string Name, int Schools);

/// <summary>
/// 责任督学挂牌督导: the district assigns each school a responsible inspector from its own inspectors (the Inspector role
/// held at the district), at most the rules' number of schools each; a new assignment ends the school's previous one.
/// The overview shows every school in scope with its inspector, its visits and its open findings.
/// </summary>
internal sealed class InspectorAssignments(
    InspectionDb db, InspectionAccess access, OrgTree orgTree, UserDirectory users, InspectionRules rules, IRectifications rectifications,
    TimeProvider clock, IStringLocalizer<InspectionText> t)
{
    public async Task<Outcome<long>> AssignAsync(AssignInput input, CancellationToken ct = default)
    {
        var school = await access.UnitAsync(input.School, OrgUnitKind.School);
        if (school is null)
        {
            return Outcome<long>.NotFound(t["Unit.NotFound"]);
        }
        var district = await access.InspectingBureauAsync(school, Permissions.InspectionManage, ct);
        if (district is null)
        {
            return Outcome<long>.Forbidden(t["Assign.NotManager"]);
        }
        var inspector = (await users.HoldersAsync(Roles.Inspector, [district.Id], ct)).FirstOrDefault(h => h.UserName == input.Inspector?.Trim());
        if (inspector is null)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("inspector", t["Assign.NotAnInspector"]));
        }
        var today = CityDate.Today(clock);
        var current = await db.Assignments.Where(a => a.EndedOn == null && a.InspectorUserId == inspector.UserId && a.OrgUnitId != school.Id).CountAsync(ct);
        if (current >= rules.MaxSchoolsPerInspector)
        {
            return Outcome<long>.Conflict("inspector", string.Format(t["Assign.TooMany"], inspector.DisplayName, rules.MaxSchoolsPerInspector));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var previous = await db.Assignments.Where(a => a.OrgUnitId == school.Id && a.EndedOn == null).ToListAsync(ct);
        if (previous.Any(p => p.InspectorUserId == inspector.UserId))
        {
            return Outcome<long>.Ok(previous.First(p => p.InspectorUserId == inspector.UserId).Id);
        }
        previous.ForEach(p => p.EndedOn = today);
        await db.SaveChangesAsync(ct);
        var assignment = new InspectorAssignment
        {
            OrgUnitId = school.Id, InspectorUserId = inspector.UserId, InspectorName = inspector.DisplayName, AssignedOn = today,
            AssignedBy = access.Caller.ActorName ?? "",
        };
        db.Assignments.Add(assignment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another assignment of the same school at the same moment took the one open place.
            return Outcome<long>.Conflict("school", t["Assign.Concurrent"]);
        }
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(assignment.Id);
    }

    public async Task<InspectionOverview> OverviewAsync(CancellationToken ct = default)
    {
        var schools = await orgTree.OfKindAsync([OrgUnitKind.School], ct: ct);
        var current = await db.Assignments.AsNoTracking().Where(a => a.EndedOn == null).ToListAsync(ct);
        var byVisit = await db.Visits.AsNoTracking().GroupBy(v => v.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(v => v.VisitedOn) }).ToDictionaryAsync(g => g.Key, ct);
        var findings = (await rectifications.CountsAsync(Findings.Kind, ct)).ToDictionary(c => c.UnitId);
        var bySchool = current.ToDictionary(a => a.OrgUnitId);
        var lines = schools.Select(s =>
        {
            var a = bySchool.GetValueOrDefault(s.Id);
            var v = byVisit.GetValueOrDefault(s.Id);
            var f = findings.GetValueOrDefault(s.Id);
            return new SchoolLine(s.Code, s.Name, a?.InspectorName, a?.AssignedOn, v?.Last, v?.Count ?? 0, f?.Open ?? 0, f?.Overdue ?? 0);
        }).OrderByDescending(l => l.OverdueFindings).ThenBy(l => l.Inspector is null ? 0 : 1).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        var districts = await orgTree.OfKindAsync([OrgUnitKind.District], ct: ct);
        var inspectors = (await users.HoldersAsync(Roles.Inspector, [.. districts.Select(d => d.Id)], ct))
            .Select(h => new InspectorLine(h.UserName, h.DisplayName, current.Count(a => a.InspectorUserId == h.UserId))).ToList();
        return new InspectionOverview(lines, inspectors, lines.Count(l => l.Inspector is not null), lines.Sum(l => l.OpenFindings), lines.Sum(l => l.OverdueFindings));
    }
}
