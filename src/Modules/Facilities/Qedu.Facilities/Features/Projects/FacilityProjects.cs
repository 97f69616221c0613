using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Facilities.Data;
using Qedu.Facilities.Domain;
using Qedu.Facilities.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Facilities.Features.Projects;

internal sealed record MilestoneInput(string? Name, DateOnly? DueOn, DateOnly? DoneOn);

internal sealed record ProjectInput(
    string? Name, string? Kind, string? Zone, string? School, int? GradeOneSeats, int? GradeSevenSeats, int? TotalSeats, decimal? BudgetWan,
    int? OpeningYear, string? PlanTask, IReadOnlyList<MilestoneInput>? Milestones);

internal sealed record MilestoneLine(string Name, DateOnly DueOn, DateOnly? DoneOn, bool Late);

internal sealed record ProjectLine(
    long Id, string Name, string Kind, string District, string? Zone, string? School, int GradeOneSeats, int GradeSevenSeats, int TotalSeats,
    decimal BudgetWan, int OpeningYear, string? PlanTask, IReadOnlyList<MilestoneLine> Milestones);

internal sealed record ProjectOption(string Code, string Name);

internal sealed record ProjectList(string Area, string AreaName, IReadOnlyList<ProjectOption> Districts, IReadOnlyList<ProjectOption> Zones, IReadOnlyList<ProjectLine> Projects);

/// <summary>
/// School construction projects (学校建设项目) of a district: new schools, expansions and renovations with their entry
/// seats, budget (万元), milestones and opening year, and the 大班额 plan task they answer. A project's entry seats count in
/// its zone's seat forecast from its opening year. facilities.read to see, facilities.manage over the district to add.
/// </summary>
internal sealed class FacilityProjects(FacilitiesDb db, FacilitiesAccess access, OrgTree tree, TimeProvider clock, IStringLocalizer<FacilitiesText> t)
{
    public async Task<Outcome<ProjectList>> ListAsync(string? area, CancellationToken ct = default)
    {
        var found = await access.AreaAsync(area, Permissions.FacilitiesRead, ct);
        if (found is null)
        {
            return Outcome<ProjectList>.NotFound(t["Area.NotFound"]);
        }
        var ids = found.DistrictIds;
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.OrgUnitId)).OrderBy(p => p.OpeningYear).ThenBy(p => p.Id).ToListAsync(ct);
        var projectIds = projects.Select(p => p.Id).ToList();
        var milestones = (await db.Milestones.AsNoTracking().Where(m => projectIds.Contains(m.ProjectId)).ToListAsync(ct))
            .OrderBy(m => m.DueOn).ToLookup(m => m.ProjectId);
        var zones = await db.Zones.AsNoTracking().Where(z => ids.Contains(z.OrgUnitId)).OrderBy(z => z.Code).ToListAsync(ct);
        var zoneCodes = zones.ToDictionary(z => z.Id, z => z.Code);
        var units = await tree.UnitsOfAsync(ids.Concat(projects.Where(p => p.SchoolId != null).Select(p => p.SchoolId!.Value)).Distinct(), ct);
        var today = Qedu.Kernel.Calendar.CityDate.Today(clock);
        var lines = projects.Select(p => new ProjectLine(
            p.Id, p.Name, p.Kind.ToString(), units.TryGetValue(p.OrgUnitId, out var d) ? d.Name : "",
            p.ZoneId is long z ? zoneCodes.GetValueOrDefault(z) : null, p.SchoolId is int s && units.TryGetValue(s, out var school) ? school.Name : null,
            p.GradeOneSeats, p.GradeSevenSeats, p.TotalSeats, p.BudgetWan, p.OpeningYear, p.PlanTask,
            [.. milestones[p.Id].Select(m => new MilestoneLine(m.Name, m.DueOn, m.DoneOn, m.DoneOn is null && m.DueOn < today))])).ToList();
        return Outcome<ProjectList>.Ok(new ProjectList(found.Unit.Code, found.Unit.Name, [.. found.Districts.Select(x => new ProjectOption(x.Code, x.Name))],
            [.. zones.Select(x => new ProjectOption(x.Code, x.Name))], lines));
    }

    public async Task<Outcome<long>> CreateAsync(string? district, ProjectInput input, CancellationToken ct = default)
    {
        var area = await access.AreaAsync(district, Permissions.FacilitiesManage, ct);
        if (area is null)
        {
            return Outcome<long>.NotFound(t["Area.NotFound"]);
        }
        var errors = new InputErrors();
        if (area.Unit.Kind != OrgUnitKind.District)
        {
            errors.Add("district", t["Area.DistrictRequired"]);
            return Outcome<long>.Invalid(errors);
        }
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add("name", string.Format(t["Field.Length"], 1, 200));
        }
        if (!Enum.TryParse<ProjectKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", t["Project.Kind.Unknown"]);
        }
        PlanningZone? zone = null;
        if (!string.IsNullOrWhiteSpace(input.Zone))
        {
            zone = await access.ZoneAsync(input.Zone, Permissions.FacilitiesManage, ct);
            if (zone is null || zone.OrgUnitId != area.Unit.Id)
            {
                errors.Add("zone", t["Zone.NotFound"]);
            }
        }
        int? schoolId = null;
        if (!string.IsNullOrWhiteSpace(input.School))
        {
            var unit = await tree.FindAsync(input.School.Trim(), ct);
            if (unit is { Kind: OrgUnitKind.School } && await tree.IsUnderAsync([area.Unit.Id], unit.Id, ct))
            {
                schoolId = unit.Id;
            }
            else
            {
                errors.Add("school", string.Format(t["Zone.SchoolUnknown"], input.School.Trim()));
            }
        }
        Check(input.GradeOneSeats, "gradeOneSeats", 0, 10_000);
        Check(input.GradeSevenSeats, "gradeSevenSeats", 0, 10_000);
        Check(input.TotalSeats, "totalSeats", 0, 100_000);
        var thisYear = Qedu.Kernel.Calendar.CityDate.Today(clock).Year;
        Check(input.OpeningYear, "openingYear", thisYear - 10, thisYear + 15);
        if (input.BudgetWan is not (>= 0 and <= 10_000_000))
        {
            errors.Add("budgetWan", string.Format(t["Field.Range"], 0, 10_000_000));
        }
        var task = input.PlanTask?.Trim();
        if (task?.Length > 200)
        {
            errors.Add("planTask", string.Format(t["Field.Length"], 0, 200));
        }
        var milestones = input.Milestones ?? [];
        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            if (m.Name?.Trim() is not { Length: > 0 and <= 100 })
            {
                errors.Add($"milestones[{i}].name", string.Format(t["Field.Length"], 1, 100));
            }
            if (m.DueOn is null)
            {
                errors.Add($"milestones[{i}].dueOn", t["Field.Required"]);
            }
            if (m.DoneOn > Qedu.Kernel.Calendar.CityDate.Today(clock))
            {
                errors.Add($"milestones[{i}].doneOn", t["Field.DateFuture"]);
            }
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var project = new ConstructionProject
        {
            OrgUnitId = area.Unit.Id, ZoneId = zone?.Id, SchoolId = schoolId, Name = name, Kind = kind, GradeOneSeats = input.GradeOneSeats!.Value,
            GradeSevenSeats = input.GradeSevenSeats!.Value, TotalSeats = input.TotalSeats!.Value, BudgetWan = input.BudgetWan!.Value,
            OpeningYear = input.OpeningYear!.Value, PlanTask = string.IsNullOrEmpty(task) ? null : task, CreatedAt = clock.GetUtcNow(),
            CreatedBy = access.Caller.ActorName ?? "",
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        db.Milestones.AddRange(milestones.Select(m => new ProjectMilestone
        {
            OrgUnitId = project.OrgUnitId, ProjectId = project.Id, Name = m.Name!.Trim(), DueOn = m.DueOn!.Value, DoneOn = m.DoneOn,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<long>.Ok(project.Id);

        void Check(int? value, string field, int min, int max)
        {
            if (value is not { } v || v < min || v > max)
            {
                errors.Add(field, string.Format(t["Field.Range"], min, max));
            }
        }
    }
}
