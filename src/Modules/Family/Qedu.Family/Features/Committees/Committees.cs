using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Family.CommitteeRecords;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Family.Features.Committees;

internal sealed record CommitteeInput(string? ClassName, DateOnly? FormedOn);

internal sealed record MemberInput(string? Name, string? Phone, CommitteeRole? Role, string? Duty);

internal sealed record MeetingInput(DateOnly? HeldOn, int? Present, string? Topics, string? Decisions);

/// <summary>A school's line: whether its own committee is formed this school year, how many classes have one, meetings held.</summary>
internal sealed record CommitteeSchoolLine(string Code, string Name, bool SchoolCommittee, int ClassCommittees, int Classes, int Meetings);

internal sealed record CommitteesOverview(
    int SchoolYear, IReadOnlyList<CommitteeSchoolLine> Schools, string? School, string? SchoolName, IReadOnlyList<CommitteeLine> Committees,
    IReadOnlyList<string> ClassesWithout, bool MayManage);

/// <summary>
/// Parent committees as the schools keep them (家长委员会, 001-34 "健全家长学校、家长委员会运行机制", 003-29 "规范家委会管理"):
/// a school's committee and its classes' for a school year (family-school.manage), their members (one chair; mobile
/// numbers masked but to those who keep them), members standing down, and the minutes of each meeting.
/// Districts and the city see which schools have formed theirs (family-school.read).
/// </summary>
internal sealed class Committees(FamilyDb db, FamilyAccess access, IStudentRoster roster, TimeProvider clock, IStringLocalizer<FamilyText> t)
{
    public const int MaxMembers = 30;

    public async Task<Outcome<CommitteesOverview>> OverviewAsync(string? schoolCode, CancellationToken ct = default)
    {
        var schools = await access.SchoolsAsync(Permissions.FamilySchoolRead, ct);
        var school = schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode.Trim());
        if (schoolCode is not null && school is null)
        {
            return Outcome<CommitteesOverview>.NotFound(t["School.NotFound"]);
        }
        var year = CityDate.SchoolYearOf(CityDate.Today(clock));
        var ids = schools.Select(s => s.Id).ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => ids.Contains(c.OrgUnitId) && c.SchoolYear == year)
            .Select(c => new { c.Id, c.OrgUnitId, c.ClassName }).ToListAsync(ct);
        var committeeIds = committees.Select(c => c.Id).ToList();
        var meetings = await db.CommitteeMeetings.AsNoTracking().Where(m => committeeIds.Contains(m.CommitteeId))
            .GroupBy(m => m.OrgUnitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var classes = (await roster.ClassesAsync(ids, ct)).GroupBy(c => c.SchoolId).ToDictionary(g => g.Key, g => g.Count());
        var lines = schools.Select(s => new CommitteeSchoolLine(s.Code, s.Name, committees.Any(c => c.OrgUnitId == s.Id && c.ClassName.Length == 0),
            committees.Count(c => c.OrgUnitId == s.Id && c.ClassName.Length > 0), classes.GetValueOrDefault(s.Id), meetings.GetValueOrDefault(s.Id))).ToList();
        if (school is null)
        {
            return Outcome<CommitteesOverview>.Ok(new CommitteesOverview(year, lines, null, null, [], [], false));
        }
        var mayManage = await access.MayAsync(Permissions.FamilySchoolManage, school.Id, ct);
        var mine = await CommitteeLines.OfSchoolAsync(db, school.Id, year, null, unmasked: mayManage, ct);
        var formed = mine.Select(c => c.ClassName).ToHashSet();
        var without = (await roster.ClassesAsync([school.Id], ct)).Select(c => c.Name).Where(n => !formed.Contains(n)).Order(StringComparer.Ordinal).ToList();
        return Outcome<CommitteesOverview>.Ok(new CommitteesOverview(year, lines, school.Code, school.Name, mine, without, mayManage));
    }

    /// <summary>Forms the school's committee (no class) or a class's for the current school year.</summary>
    public async Task<Outcome<long>> FormAsync(string? schoolCode, CommitteeInput input, CancellationToken ct = default)
    {
        var schools = await access.SchoolsAsync(Permissions.FamilySchoolManage, ct);
        var school = schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode.Trim());
        if (school is null)
        {
            return Outcome<long>.NotFound(t["School.NotFound"]);
        }
        var today = CityDate.Today(clock);
        var year = CityDate.SchoolYearOf(today);
        var errors = new InputErrors();
        var className = input.ClassName?.Trim() ?? "";
        if (className.Length > 0 && !(await roster.ClassesAsync([school.Id], ct)).Any(c => c.Name == className))
        {
            errors.Add("className", t["Committee.NoSuchClass", className]);
        }
        if (input.FormedOn is not { } formed)
        {
            errors.Add("formedOn", t["Field.Required"]);
        }
        else if (formed > today || formed < CityDate.SchoolYearStarts(year))
        {
            errors.Add("formedOn", t["Committee.FormedOn"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        if (await db.Committees.AnyAsync(c => c.OrgUnitId == school.Id && c.SchoolYear == year && c.ClassName == className, ct))
        {
            return Outcome<long>.Conflict(t["Committee.Exists"]);
        }
        var committee = new ParentCommittee
        {
            OrgUnitId = school.Id, SchoolYear = year, ClassName = className, FormedOn = input.FormedOn!.Value, RecordedBy = access.ActorName, RecordedAt = clock.GetUtcNow(),
        };
        db.Committees.Add(committee);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<long>.Conflict(t["Committee.Exists"]);
        }
        return Outcome<long>.Ok(committee.Id);
    }

    public async Task<Outcome<long>> AddMemberAsync(long committeeId, MemberInput input, CancellationToken ct = default)
    {
        var committee = await ManagedAsync(committeeId, ct);
        if (committee is null)
        {
            return Outcome<long>.NotFound(t["Committee.NotFound"]);
        }
        var errors = new InputErrors();
        var name = errors.Text("name", input.Name, 50, t["Field.Required"], TooLong(50));
        var phone = MobilePhone.Normalize(input.Phone);
        if (phone is null || !MobilePhone.IsValid(phone))
        {
            errors.Add("phone", t["Credits.Phone"]);
        }
        if (input.Role is not { } role || !Enum.IsDefined(role))
        {
            errors.Add("role", t["Committee.Role"]);
        }
        var duty = errors.Text("duty", input.Duty, 50, null, TooLong(50));
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var serving = await db.CommitteeMembers.Where(m => m.CommitteeId == committeeId && m.LeftOn == null).ToListAsync(ct);
        if (serving.Count >= MaxMembers)
        {
            return Outcome<long>.Conflict(t["Committee.Full", MaxMembers]);
        }
        if (serving.Any(m => m.Phone == phone))
        {
            return Outcome<long>.Conflict(t["Committee.AlreadyMember"]);
        }
        if (input.Role == CommitteeRole.Chair && serving.Any(m => m.Role == CommitteeRole.Chair))
        {
            return Outcome<long>.Conflict(t["Committee.OneChair"]);
        }
        var member = new CommitteeMember
        {
            CommitteeId = committeeId, OrgUnitId = committee.OrgUnitId, Name = name!, Phone = phone!, Role = input.Role!.Value, Duty = duty,
            JoinedOn = CityDate.Today(clock),
        };
        db.CommitteeMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(member.Id);
    }

    /// <summary>A member stands down: kept on the record with the day, no longer listed.</summary>
    public async Task<Outcome<int>> StandDownAsync(long committeeId, long memberId, CancellationToken ct = default)
    {
        if (await ManagedAsync(committeeId, ct) is null)
        {
            return Outcome<int>.NotFound(t["Committee.NotFound"]);
        }
        var done = await db.CommitteeMembers.Where(m => m.Id == memberId && m.CommitteeId == committeeId && m.LeftOn == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeftOn, CityDate.Today(clock)), ct);
        return done == 0 ? Outcome<int>.NotFound(t["Committee.NoMember"]) : Outcome<int>.Ok(done);
    }

    public async Task<Outcome<long>> AddMeetingAsync(long committeeId, MeetingInput input, CancellationToken ct = default)
    {
        var committee = await ManagedAsync(committeeId, ct);
        if (committee is null)
        {
            return Outcome<long>.NotFound(t["Committee.NotFound"]);
        }
        var errors = new InputErrors();
        var topics = errors.Text("topics", input.Topics, 1000, t["Field.Required"], TooLong(1000));
        var decisions = errors.Text("decisions", input.Decisions, 2000, t["Field.Required"], TooLong(2000));
        if (input.HeldOn is not { } held)
        {
            errors.Add("heldOn", t["Field.Required"]);
        }
        else if (held > CityDate.Today(clock) || held < committee.FormedOn)
        {
            errors.Add("heldOn", t["Committee.HeldOn", committee.FormedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        if (input.Present is not (> 0 and <= MaxMembers))
        {
            errors.Add("present", string.Format(CultureInfo.CurrentCulture, t["Field.Range"], 1, MaxMembers));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var meeting = new CommitteeMeeting
        {
            CommitteeId = committeeId, OrgUnitId = committee.OrgUnitId, HeldOn = input.HeldOn!.Value, Present = input.Present!.Value, Topics = topics!,
            Decisions = decisions!, RecordedBy = access.ActorName, RecordedAt = clock.GetUtcNow(),
        };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(meeting.Id);
    }

    private async Task<ParentCommittee?> ManagedAsync(long id, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return committee is not null && await access.MayAsync(Permissions.FamilySchoolManage, committee.OrgUnitId, ct) ? committee : null;
    }

    private string TooLong(int max) => string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], max);
}
