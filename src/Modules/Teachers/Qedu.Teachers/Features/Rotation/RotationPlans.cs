using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;
using Qedu.Teachers.Rotation;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.Features.Rotation;

/// <summary>A district's quota for the year and how far the plan meets it.</summary>
internal sealed record RotationQuota(int Due, int DueBackbone, int Required, int Planned, int Approved, int Applied, int Backbone, int BackboneRequired,
    int UrbanToRural, int UrbanToRuralRequired);

/// <summary>A member of staff due to rotate: how long at their school, whether a backbone teacher, whether a move is planned.</summary>
internal sealed record DueRow(long StaffId, string StaffNumber, string Name, string SchoolCode, string SchoolName, string Post, int Years, bool Backbone, bool Planned);

/// <summary>A move of the plan, as the page lists it.</summary>
internal sealed record MoveRow(long Id, long StaffId, string StaffNumber, string Name, string FromSchool, string ToSchool, DateOnly EffectiveOn, bool Backbone,
    bool UrbanToRural, string State, string ProposedBy, string? DecidedBy);

internal sealed record SchoolOption(string Code, string Name, bool Urban);

/// <summary>The year's plan of a district: its quota, the moves, those due (first 500), the district's schools, and what the caller may do.</summary>
internal sealed record RotationView(
    int Year, IReadOnlyList<SchoolOption> Districts, string? DistrictCode, RotationQuota? Quota, IReadOnlyList<MoveRow> Moves, IReadOnlyList<DueRow> Due,
    int DueTotal, IReadOnlyList<SchoolOption> Schools, bool MayPropose, bool MayDecide);

/// <summary>A move to propose: the member of staff, the school they go to (a code of the same district), from which day.</summary>
internal sealed record NewMove(long? StaffId, string? ToSchool, DateOnly? EffectiveOn);

/// <summary>
/// A district's rotation plan (交流轮岗, 县管校聘): who is due (the rules), the year's quota, moves proposed by a school
/// (its own staff) or the district, approved by the district (the bureau above the school; a school cannot approve),
/// and made on their effective day through the registry (<see cref="RotationMoves"/>): the staff record's school and
/// history, and the teacher's records here, in one transaction.
/// </summary>
internal sealed class RotationPlans(
    TeachersDb db, TeacherAccess access, IStaffDirectory directory, RotationDue due, RotationMoves moves, OrgTree tree, CodeBook codes,
    TeacherRules rules, TimeProvider clock, IStringLocalizer<TeachersText> t)
{
    public const int DueListed = 500;

    public async Task<RotationView> PlanAsync(string? districtCode, int? year, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        // After the day years are counted to (the end of the school year), the plan in hand is the next school year's.
        var theYear = year ?? (today > rules.Rotation.CountedOn(today.Year) ? today.Year + 1 : today.Year);
        var english = CodeBook.IsEnglish;
        var schools = (await access.SchoolsAsync(Permissions.TeachersRead, ct)).Where(s => s.ClosedOn is null).ToList();
        var districts = (await tree.UnitsOfAsync(schools.Select(s => s.ParentId ?? 0).Where(id => id != 0).Distinct(), ct)).Values
            .Where(d => d.Kind == OrgUnitKind.District).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var districtOptions = districts.ConvertAll(d => new SchoolOption(d.Code, d.DisplayName(english), false));
        var district = districtCode is { Length: > 0 } ? districts.Find(d => d.Code == districtCode) : await FirstPlanningAsync(districts, theYear, ct);
        if (district is null)
        {
            return new RotationView(theYear, districtOptions, null, null, [], [], 0, [], false, false);
        }
        var inDistrict = schools.Where(s => s.ParentId == district.Id).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var byId = inDistrict.ToDictionary(s => s.Id);
        var dueStaff = await due.DueAsync([.. inDistrict.Select(s => s.Id)], theYear, ct);
        var planned = await db.RotationMoves.AsNoTracking().Where(m => m.DistrictId == district.Id && m.Year == theYear).OrderBy(m => m.Id).ToListAsync(ct);
        var active = planned.Where(m => m.State != RotationState.Withdrawn).ToList();
        var people = await directory.FindManyAsync([.. planned.Select(m => m.StaffId)], ct);
        var names = await tree.UnitsOfAsync(planned.SelectMany(m => new[] { m.OrgUnitId, m.ToSchoolId }).Distinct(), ct);
        string Name(int id) => names.TryGetValue(id, out var unit) ? unit.DisplayName(english) : "";
        var required = rules.Rotation.Quota(dueStaff.Count, active.Count);
        var quota = new RotationQuota(dueStaff.Count, dueStaff.Count(d => d.Backbone), required.Moves, active.Count,
            active.Count(m => m.State == RotationState.Approved), active.Count(m => m.State == RotationState.Applied), active.Count(m => m.Backbone),
            required.Backbone, active.Count(m => m.UrbanToRural), required.UrbanToRural);
        var plannedStaff = active.Select(m => m.StaffId).ToHashSet();
        var dueRows = dueStaff.OrderByDescending(d => d.Years).ThenBy(d => d.Member.StaffNumber, StringComparer.Ordinal).Take(DueListed)
            .Select(d => new DueRow(d.Member.StaffId, d.Member.StaffNumber, d.Member.Name, byId[d.Member.SchoolId].Code, byId[d.Member.SchoolId].DisplayName(english),
                codes.NameOf("staff-post", d.Member.PostCode), d.Years, d.Backbone, plannedStaff.Contains(d.Member.StaffId)))
            .ToList();
        var moveRows = planned.ConvertAll(m => new MoveRow(m.Id, m.StaffId, people.GetValueOrDefault(m.StaffId)?.StaffNumber ?? "", people.GetValueOrDefault(m.StaffId)?.Name ?? "",
            Name(m.OrgUnitId), Name(m.ToSchoolId), m.EffectiveOn, m.Backbone, m.UrbanToRural, m.State.ToString(), m.ProposedBy, m.DecidedBy));
        var mayPropose = (await access.SchoolsAsync(Permissions.TeachersManage, ct)).Any(s => s.ParentId == district.Id);
        return new RotationView(theYear, districtOptions, district.Code, quota, moveRows, dueRows, dueStaff.Count,
            inDistrict.ConvertAll(s => new SchoolOption(s.Code, s.DisplayName(english), IsUrban(s))), mayPropose,
            await access.MayAsync(Permissions.TeachersManage, district.Id, ct));
    }

    public async Task<Outcome<long>> ProposeAsync(NewMove input, CancellationToken ct)
    {
        var teacher = input.StaffId is { } id ? await access.StaffAsync(id, Permissions.TeachersManage, ct) : null;
        if (teacher is null)
        {
            return Outcome<long>.NotFound(t["Records.NoStaff"]);
        }
        var errors = new InputErrors();
        var today = CityDate.Today(clock);
        var from = await tree.FindAsync(teacher.SchoolId, ct);
        var to = input.ToSchool is { Length: > 0 } code ? await tree.FindPastScopeAsync(code.Trim(), ct) : null;
        if (to is null || to.Kind != OrgUnitKind.School || to.ClosedOn is not null || to.ParentId != from?.ParentId || to.Id == teacher.SchoolId)
        {
            errors.Add("toSchool", t["Rotation.ToSchool"]);
        }
        if (input.EffectiveOn is not { } effective || effective < today || effective > today.AddYears(1))
        {
            errors.Add("effectiveOn", t["Rotation.EffectiveOn"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var year = input.EffectiveOn!.Value.Year;
        var standing = (await due.DueAsync([teacher.SchoolId], year, ct)).FirstOrDefault(d => d.Member.StaffId == teacher.StaffId);
        if (standing is null)
        {
            return Outcome<long>.Conflict("staffId", t["Rotation.NotDue", teacher.Name, year]);
        }
        if (await db.RotationMoves.AnyAsync(m => m.StaffId == teacher.StaffId && m.Year == year && m.State != RotationState.Withdrawn, ct))
        {
            return Outcome<long>.Conflict("staffId", t["Rotation.AlreadyPlanned", teacher.Name, year]);
        }
        var move = new RotationMove
        {
            OrgUnitId = teacher.SchoolId, DistrictId = from!.ParentId!.Value, Year = year, StaffId = teacher.StaffId, ToSchoolId = to!.Id,
            EffectiveOn = input.EffectiveOn.Value, Backbone = standing.Backbone, UrbanToRural = IsUrban(from) && !IsUrban(to),
            ProposedBy = access.ActorName, ProposedAt = clock.GetUtcNow(),
        };
        db.RotationMoves.Add(move);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(move.Id);
    }

    /// <summary>The district approves a proposed move; one whose day has come is made at once.</summary>
    public async Task<Outcome<string>> ApproveAsync(long moveId, CancellationToken ct)
    {
        var (move, refusal) = await DecidableAsync(moveId, ct);
        if (move is null)
        {
            return refusal!;
        }
        if (move.State != RotationState.Proposed)
        {
            return Outcome<string>.Conflict(t["Rotation.NotProposed"]);
        }
        (move.State, move.DecidedBy, move.DecidedAt) = (RotationState.Approved, access.ActorName, clock.GetUtcNow());
        move.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<string>.Conflict(t["Rotation.Changed"]);
        }
        if (move.EffectiveOn <= CityDate.Today(clock))
        {
            return await moves.ApplyAsync(move.Id, ct) ? Outcome<string>.Ok(nameof(RotationState.Applied)) : Outcome<string>.Conflict(t["Rotation.Changed"]);
        }
        return Outcome<string>.Ok(move.State.ToString());
    }

    /// <summary>Withdraws a move not yet made: the proposing side (the school's or the district's teachers.manage).</summary>
    public async Task<Outcome<string>> WithdrawAsync(long moveId, CancellationToken ct)
    {
        var move = await db.RotationMoves.SingleOrDefaultAsync(m => m.Id == moveId, ct);
        if (move is null || !await access.MayAsync(Permissions.TeachersManage, move.OrgUnitId, ct))
        {
            return Outcome<string>.NotFound(t["Rotation.NoMove"]);
        }
        if (move.State is RotationState.Applied or RotationState.Withdrawn)
        {
            return Outcome<string>.Conflict(t["Rotation.Final"]);
        }
        (move.State, move.DecidedBy, move.DecidedAt) = (RotationState.Withdrawn, access.ActorName, clock.GetUtcNow());
        move.Revision++;
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(move.State.ToString());
    }

    /// <summary>Makes the district's approved moves whose day has come (a district runs it; a daily job may too): how many were made.</summary>
    public async Task<Outcome<int>> ApplyDueAsync(string districtCode, CancellationToken ct)
    {
        var district = await tree.FindAsync(districtCode, ct);
        if (district is null || !await access.MayAsync(Permissions.TeachersManage, district.Id, ct))
        {
            return Outcome<int>.NotFound(t["Rotation.NoDistrict"]);
        }
        var today = CityDate.Today(clock);
        var ids = await db.RotationMoves.AsNoTracking().Where(m => m.DistrictId == district.Id && m.State == RotationState.Approved && m.EffectiveOn <= today)
            .Select(m => m.Id).ToListAsync(ct);
        var made = 0;
        foreach (var id in ids)
        {
            made += await moves.ApplyAsync(id, ct) ? 1 : 0;
        }
        return Outcome<int>.Ok(made);
    }

    /// <summary>The move, when the caller holds teachers.manage over the district above the school it leaves (a school cannot decide); else why not.</summary>
    private async Task<(RotationMove? Move, Outcome<string>? Refusal)> DecidableAsync(long moveId, CancellationToken ct)
    {
        var move = await db.RotationMoves.SingleOrDefaultAsync(m => m.Id == moveId, ct);
        if (move is null || !await access.MayAsync(Permissions.TeachersRead, move.OrgUnitId, ct))
        {
            return (null, Outcome<string>.NotFound(t["Rotation.NoMove"]));
        }
        return await access.MayAsync(Permissions.TeachersManage, move.DistrictId, ct) ? (move, null) : (null, Outcome<string>.Forbidden(t["Rotation.ByDistrict"]));
    }

    /// <summary>Without a district asked for: the first of the caller's districts with moves in the year's plan, else the first.</summary>
    private async Task<OrgUnit?> FirstPlanningAsync(List<OrgUnit> districts, int year, CancellationToken ct)
    {
        var ids = districts.ConvertAll(d => d.Id);
        var planning = await db.RotationMoves.AsNoTracking().Where(m => m.Year == year && ids.Contains(m.DistrictId)).Select(m => m.DistrictId).Distinct().ToListAsync(ct);
        return districts.Find(d => planning.Contains(d.Id)) ?? districts.FirstOrDefault();
    }

    private bool IsUrban(OrgUnit school) => codes.IsUrban(school.UrbanRuralCode) == true;
}
