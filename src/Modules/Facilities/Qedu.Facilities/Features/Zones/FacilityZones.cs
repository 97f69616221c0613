using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Facilities.Data;
using Qedu.Facilities.Domain;
using Qedu.Facilities.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Facilities.Features.Zones;

internal sealed record ZoneInput(string? Code, string? Name, IReadOnlyList<string>? GradeOneSchools, IReadOnlyList<string>? GradeSevenSchools);

internal sealed record EnrolmentRow(int Year, int Grade, int Pupils);

internal sealed record HousingRow(int Year, int Dwellings);

/// <summary>A planner's net migration adjustment: children added to (negative: taken from) grade 1 or 7 of a school year.</summary>
internal sealed record MigrationRow(int Year, int Grade, int Children);

internal sealed record HistoryInput(IReadOnlyList<EnrolmentRow>? Enrolment, IReadOnlyList<HousingRow>? Housing, IReadOnlyList<MigrationRow>? Migration = null);

internal sealed record ZoneSchool(string Code, string Name);

internal sealed record ZoneLine(
    string Code, string Name, string District, IReadOnlyList<ZoneSchool> GradeOneSchools, IReadOnlyList<ZoneSchool> GradeSevenSchools,
    int? FirstBirthYear, int? LastBirthYear, int? FirstEnrolmentYear, int? LastEnrolmentYear, int Dwellings);

internal sealed record ZoneList(string Area, string AreaName, IReadOnlyList<ZoneSchool> Districts, IReadOnlyList<ZoneLine> Zones);

/// <summary>
/// Planning zones (学区) of a district: which schools serve them for grade one and grade seven, and their enrolment and
/// housing history (facilities.read to see, facilities.manage over the district to keep).
/// </summary>
internal sealed class FacilityZones(FacilitiesDb db, FacilitiesAccess access, OrgTree tree, IStringLocalizer<FacilitiesText> t)
{
    public async Task<Outcome<ZoneList>> ListAsync(string? area, CancellationToken ct = default)
    {
        var found = await access.AreaAsync(area, Permissions.FacilitiesRead, ct);
        if (found is null)
        {
            return Outcome<ZoneList>.NotFound(t["Area.NotFound"]);
        }
        var ids = found.DistrictIds;
        var zones = await db.Zones.AsNoTracking().Where(z => ids.Contains(z.OrgUnitId)).OrderBy(z => z.Code).ToListAsync(ct);
        var zoneIds = zones.Select(z => z.Id).ToList();
        var births = await db.Births.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId))
            .GroupBy(b => b.ZoneId).Select(g => new { g.Key, First = g.Min(b => b.Year), Last = g.Max(b => b.Year) }).ToDictionaryAsync(g => g.Key, ct);
        var enrolment = await db.Enrolment.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId))
            .GroupBy(b => b.ZoneId).Select(g => new { g.Key, First = g.Min(b => b.Year), Last = g.Max(b => b.Year) }).ToDictionaryAsync(g => g.Key, ct);
        var housing = await db.Housing.AsNoTracking().Where(b => zoneIds.Contains(b.ZoneId))
            .GroupBy(b => b.ZoneId).Select(g => new { g.Key, Dwellings = g.Sum(h => h.Dwellings) }).ToDictionaryAsync(g => g.Key, g => g.Dwellings, ct);
        var schoolIds = zones.SelectMany(z => PlanningZone.Ids(z.GradeOneSchools).Concat(PlanningZone.Ids(z.GradeSevenSchools))).Concat(ids).Distinct();
        var units = await tree.UnitsOfAsync(schoolIds, ct);
        IReadOnlyList<ZoneSchool> Schools(string list) =>
            [.. PlanningZone.Ids(list).Where(units.ContainsKey).Select(id => new ZoneSchool(units[id].Code, units[id].Name))];
        var lines = zones.Select(z => new ZoneLine(
            z.Code, z.Name, units.TryGetValue(z.OrgUnitId, out var d) ? d.Name : "", Schools(z.GradeOneSchools), Schools(z.GradeSevenSchools),
            births.GetValueOrDefault(z.Id)?.First, births.GetValueOrDefault(z.Id)?.Last,
            enrolment.GetValueOrDefault(z.Id)?.First, enrolment.GetValueOrDefault(z.Id)?.Last, housing.GetValueOrDefault(z.Id))).ToList();
        return Outcome<ZoneList>.Ok(new ZoneList(found.Unit.Code, found.Unit.Name, [.. found.Districts.Select(x => new ZoneSchool(x.Code, x.Name))], lines));
    }

    /// <summary>Creates a zone in the district, or updates the one with the same code there.</summary>
    public async Task<Outcome<long>> SaveAsync(string? district, ZoneInput input, CancellationToken ct = default)
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
        var code = input.Code?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        if (code.Length is 0 or > 20)
        {
            errors.Add("code", string.Format(t["Field.Length"], 1, 20));
        }
        if (name.Length is 0 or > 100)
        {
            errors.Add("name", string.Format(t["Field.Length"], 1, 100));
        }
        var one = await SchoolsAsync(area.Unit.Id, input.GradeOneSchools, "gradeOneSchools", errors, ct);
        var seven = await SchoolsAsync(area.Unit.Id, input.GradeSevenSchools, "gradeSevenSchools", errors, ct);
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        // Zone codes are the city's: a code another district keeps is taken (past the caller's scope, so it is not reused).
        var existing = await db.Zones.IgnoreQueryFilters([ScopeFilter.Name]).FirstOrDefaultAsync(z => z.Code == code, ct);
        if (existing is not null && existing.OrgUnitId != area.Unit.Id)
        {
            return Outcome<long>.Conflict("code", t["Zone.CodeTaken"]);
        }
        var zone = existing ?? new PlanningZone { OrgUnitId = area.Unit.Id, Code = code, Name = name };
        zone.Name = name;
        zone.GradeOneSchools = PlanningZone.List(one);
        zone.GradeSevenSchools = PlanningZone.List(seven);
        if (existing is null)
        {
            db.Zones.Add(zone);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(zone.Id);
    }

    /// <summary>
    /// Writes a zone's enrolment, housing and migration rows, each replacing the one of the same year (and grade); a
    /// migration row of 0 children removes the adjustment.
    /// </summary>
    public async Task<Outcome<int>> SetHistoryAsync(string? zoneCode, HistoryInput input, CancellationToken ct = default)
    {
        var zone = await access.ZoneAsync(zoneCode, Permissions.FacilitiesManage, ct);
        if (zone is null)
        {
            return Outcome<int>.NotFound(t["Zone.NotFound"]);
        }
        var errors = new InputErrors();
        var enrolment = input.Enrolment ?? [];
        var housing = input.Housing ?? [];
        var migration = input.Migration ?? [];
        for (var i = 0; i < enrolment.Count; i++)
        {
            var row = enrolment[i];
            if (row.Year is < 1990 or > 2100)
            {
                errors.Add($"enrolment[{i}].year", string.Format(t["Field.Range"], 1990, 2100));
            }
            if (row.Grade is < 1 or > 9)
            {
                errors.Add($"enrolment[{i}].grade", string.Format(t["Field.Range"], 1, 9));
            }
            if (row.Pupils is < 0 or > 100_000)
            {
                errors.Add($"enrolment[{i}].pupils", string.Format(t["Field.Range"], 0, 100_000));
            }
            if (enrolment.Take(i).Any(r => r.Year == row.Year && r.Grade == row.Grade))
            {
                errors.Add($"enrolment[{i}]", t["Field.Twice"]);
            }
        }
        for (var i = 0; i < housing.Count; i++)
        {
            var row = housing[i];
            if (row.Year is < 1990 or > 2100)
            {
                errors.Add($"housing[{i}].year", string.Format(t["Field.Range"], 1990, 2100));
            }
            if (row.Dwellings is < 0 or > 1_000_000)
            {
                errors.Add($"housing[{i}].dwellings", string.Format(t["Field.Range"], 0, 1_000_000));
            }
            if (housing.Take(i).Any(r => r.Year == row.Year))
            {
                errors.Add($"housing[{i}]", t["Field.Twice"]);
            }
        }
        for (var i = 0; i < migration.Count; i++)
        {
            var row = migration[i];
            if (row.Year is < 1990 or > 2100)
            {
                errors.Add($"migration[{i}].year", string.Format(t["Field.Range"], 1990, 2100));
            }
            if (row.Grade is not (1 or 7))
            {
                errors.Add($"migration[{i}].grade", t["Migration.Grade"]);
            }
            if (row.Children is < -100_000 or > 100_000)
            {
                errors.Add($"migration[{i}].children", string.Format(t["Field.Range"], -100_000, 100_000));
            }
            if (migration.Take(i).Any(r => r.Year == row.Year && r.Grade == row.Grade))
            {
                errors.Add($"migration[{i}]", t["Field.Twice"]);
            }
        }
        if (errors.Any)
        {
            return Outcome<int>.Invalid(errors);
        }
        // Removals first, then the new rows (the unique indexes would refuse them in one batch), in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var years = enrolment.Select(r => r.Year).Distinct().ToList();
        var old = await db.Enrolment.Where(e => e.ZoneId == zone.Id && years.Contains(e.Year)).ToListAsync(ct);
        db.Enrolment.RemoveRange(old.Where(o => enrolment.Any(r => r.Year == o.Year && r.Grade == o.Grade)));
        var housingYears = housing.Select(r => r.Year).ToList();
        db.Housing.RemoveRange(await db.Housing.Where(h => h.ZoneId == zone.Id && housingYears.Contains(h.Year)).ToListAsync(ct));
        var migrationYears = migration.Select(r => r.Year).Distinct().ToList();
        var oldMigration = await db.Migration.Where(m => m.ZoneId == zone.Id && migrationYears.Contains(m.Year)).ToListAsync(ct);
        db.Migration.RemoveRange(oldMigration.Where(o => migration.Any(r => r.Year == o.Year && r.Grade == o.Grade)));
        await db.SaveChangesAsync(ct);
        db.Enrolment.AddRange(enrolment.Select(r => new ZoneEnrolment { OrgUnitId = zone.OrgUnitId, ZoneId = zone.Id, Year = r.Year, Grade = r.Grade, Pupils = r.Pupils }));
        db.Housing.AddRange(housing.Select(r => new ZoneHousing { OrgUnitId = zone.OrgUnitId, ZoneId = zone.Id, Year = r.Year, Dwellings = r.Dwellings }));
        db.Migration.AddRange(migration.Where(r => r.Children != 0)
            .Select(r => new ZoneMigration { OrgUnitId = zone.OrgUnitId, ZoneId = zone.Id, Year = r.Year, Grade = r.Grade, Children = r.Children }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<int>.Ok(enrolment.Count + housing.Count + migration.Count);
    }

    private async Task<List<int>> SchoolsAsync(int districtId, IReadOnlyList<string>? codes, string field, InputErrors errors, CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var code in (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct())
        {
            var unit = await tree.FindAsync(code, ct);
            if (unit is { Kind: OrgUnitKind.School } && await tree.IsUnderAsync([districtId], unit.Id, ct))
            {
                ids.Add(unit.Id);
            }
            else
            {
                errors.Add(field, string.Format(t["Zone.SchoolUnknown"], code));
            }
        }
        return ids;
    }
}
