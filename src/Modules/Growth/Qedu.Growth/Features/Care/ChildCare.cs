using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Family.Contracts;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.Features.Care;

internal sealed record CareRoomForm(string? Name, string? Facilities, string? Keeper, DateOnly? OpenedOn);

internal sealed record NewRoomUse(DateOnly? Day, int? Children, string? Activity);

internal sealed record NewLedger(long? StudentId, string? CaringTeacher, string? Circumstances);

internal sealed record NewContact(DateOnly? Day, ContactKind? Kind, string? Note);

/// <summary>A school's care figures: left-behind children (the registry), open ledgers, a care room, its uses this term, contacts due.</summary>
internal sealed record CareSchool(string Code, string Name, int LeftBehind, int Ledgers, bool Room, int RoomUses, int Overdue)
{
    public double? Coverage => LeftBehind == 0 ? null : Math.Round(100.0 * Math.Min(Ledgers, LeftBehind) / LeftBehind, 1);
}

/// <summary>A left-behind child of the school with their ledger, if any (named: the list a school works through).</summary>
internal sealed record CareChild(long StudentId, string StudentNumber, string Name, string? ClassName, long? LedgerId, string? CaringTeacher, DateOnly? LastContact,
    bool Overdue);

/// <summary>The room as the page shows it, with its latest uses.</summary>
internal sealed record RoomView(string Name, string Facilities, string Keeper, DateOnly OpenedOn, IReadOnlyList<RoomUseLine> Uses);

internal sealed record RoomUseLine(DateOnly Day, int Children, string Activity);

/// <summary>
/// Care for the caller's scope: totals (schools with left-behind children, of those with a care room; children, of those
/// with a ledger), by school; for one school, its children and its room.
/// </summary>
internal sealed record CareView(
    int SchoolsNeedingRoom, int SchoolsWithRoom, int LeftBehind, int Ledgers, IReadOnlyList<CareSchool> Schools, string? SchoolCode, string? SchoolName,
    IReadOnlyList<CareChild> Children, RoomView? Room)
{
    public double? RoomRate => SchoolsNeedingRoom == 0 ? null : Math.Round(100.0 * SchoolsWithRoom / SchoolsNeedingRoom, 1);

    public double? LedgerRate => LeftBehind == 0 ? null : Math.Round(100.0 * Math.Min(Ledgers, LeftBehind) / LeftBehind, 1);
}

internal sealed record ContactLine(DateOnly Day, ContactKind Kind, string Note, string RecordedBy);

/// <summary>
/// An opened ledger: the child, the caring teacher, the circumstances and every contact (decrypted; the read audited), and
/// the child's home visits as the family module counts them, with the link to them (null when the caller may not read them).
/// </summary>
internal sealed record LedgerView(long Id, long StudentId, string StudentNumber, string Name, string SchoolName, string? ClassName, string CaringTeacher,
    string Circumstances, DateOnly OpenedOn, DateOnly? ClosedOn, IReadOnlyList<ContactLine> Contacts, StudentVisitSummary? HomeVisits);

/// <summary>
/// Care for left-behind children (留守儿童关爱, 001-25 "建立关爱帮扶台账…设置留守儿童关爱室", 附件2 "关爱室建设完成率达到100%，提高
/// 关爱室使用率"): each school keeps its care room and the room's use, and a ledger for each left-behind child the registry
/// flags — the caring teacher, the family's circumstances and the contacts kept (encrypted; every named read audited as
/// <c>growth.care-read</c>). A child not contacted for <see cref="ContactEveryDays"/> days is due. Figures for the scope
/// by school, and the facts for the indicators.
/// </summary>
internal sealed class ChildCare(
    GrowthDb db, GrowthAccess access, Rules.RecordRules terms, IStudentRoster roster, IRegistryStatistics registry, FieldEncryption encryption, AuditTrail audit, OrgTree tree,
    IHomeVisits homeVisits, TimeProvider clock, IStringLocalizer<GrowthText> t)
{
    public const string ReadAction = "growth.care-read";

    /// <summary>How often a left-behind child should be contacted at least (a month), before the ledger shows them as due.</summary>
    public const int ContactEveryDays = 30;

    public async Task<CareView> ViewAsync(string? schoolCode, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var schools = await access.SchoolsAsync(Permissions.GrowthCare, ct);
        var ids = schools.Select(s => s.Id).ToHashSet();
        var leftBehind = (await registry.HeadcountsAsync(ct)).Where(h => ids.Contains(h.SchoolId)).GroupBy(h => h.SchoolId)
            .ToDictionary(g => g.Key, g => g.Sum(h => h.LeftBehind));
        var ledgers = await db.CareLedgers.AsNoTracking().Where(l => l.ClosedOn == null).Select(l => new { l.Id, l.OrgUnitId }).ToListAsync(ct);
        var rooms = await db.CareRooms.AsNoTracking().Select(r => r.OrgUnitId).ToListAsync(ct);
        var since = today.AddDays(-ContactEveryDays);
        var (year, term) = terms.TermOf(today);
        var termStart = terms.TermStart(year, term);
        var uses = await db.CareRoomUses.AsNoTracking().Where(u => u.Day >= termStart).GroupBy(u => u.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var contacted = (await db.CareContacts.AsNoTracking().Where(c => c.Day > since).Select(c => c.LedgerId).Distinct().ToListAsync(ct)).ToHashSet();
        var rows = schools.Select(s => new CareSchool(s.Code, s.Name, leftBehind.GetValueOrDefault(s.Id), ledgers.Count(l => l.OrgUnitId == s.Id), rooms.Contains(s.Id),
                uses.GetValueOrDefault(s.Id), ledgers.Count(l => l.OrgUnitId == s.Id && !contacted.Contains(l.Id))))
            .Where(s => s.LeftBehind > 0 || s.Room || s.Ledgers > 0).OrderByDescending(s => s.LeftBehind).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        var school = schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode);
        IReadOnlyList<CareChild> children = [];
        RoomView? room = null;
        if (school is not null)
        {
            children = await ChildrenAsync(school.Id, since, ct);
            room = await RoomAsync(school.Id, ct);
        }
        var needing = rows.Where(r => r.LeftBehind > 0).ToList();
        return new CareView(needing.Count, needing.Count(r => r.Room), needing.Sum(r => r.LeftBehind), rows.Sum(r => r.Ledgers), rows, school?.Code, school?.Name,
            children, room);
    }

    /// <summary>Sets the caller's school's care room (opens it, or corrects it).</summary>
    public async Task<Outcome<long>> SetRoomAsync(string? schoolCode, CareRoomForm body, CancellationToken ct)
    {
        if (await SchoolAsync(schoolCode, ct) is not { } school)
        {
            return Outcome<long>.NotFound(t["Care.NoSchool"]);
        }
        var errors = new InputErrors();
        var name = body.Name?.Trim() ?? "";
        var facilities = body.Facilities?.Trim() ?? "";
        var keeper = body.Keeper?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add("name", t["Care.Room.Name", 100]);
        }
        if (facilities.Length is 0 or > 300)
        {
            errors.Add("facilities", t["Care.Room.Facilities", 300]);
        }
        if (keeper.Length is 0 or > 50)
        {
            errors.Add("keeper", t["Care.Room.Keeper", 50]);
        }
        if (body.OpenedOn is not { } opened || opened > CityDate.Today(clock))
        {
            errors.Add("openedOn", t["Care.Room.Opened"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var room = await db.CareRooms.SingleOrDefaultAsync(r => r.OrgUnitId == school.Id, ct);
        if (room is null)
        {
            room = new CareRoom { OrgUnitId = school.Id, Name = name, Facilities = facilities, Keeper = keeper, RecordedBy = access.ActorName };
            db.CareRooms.Add(room);
        }
        (room.Name, room.Facilities, room.Keeper, room.OpenedOn, room.RecordedBy, room.RecordedAt) = (name, facilities, keeper, body.OpenedOn!.Value, access.ActorName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(room.Id);
    }

    /// <summary>Records a use of the school's care room.</summary>
    public async Task<Outcome<long>> AddRoomUseAsync(string? schoolCode, NewRoomUse body, CancellationToken ct)
    {
        if (await SchoolAsync(schoolCode, ct) is not { } school)
        {
            return Outcome<long>.NotFound(t["Care.NoSchool"]);
        }
        var errors = new InputErrors();
        var activity = body.Activity?.Trim() ?? "";
        if (body.Day is not { } day || day > CityDate.Today(clock))
        {
            errors.Add("day", t["Care.Use.Day"]);
        }
        if (body.Children is not (> 0 and <= 500))
        {
            errors.Add("children", t["Care.Use.Children", 500]);
        }
        if (activity.Length is 0 or > 100)
        {
            errors.Add("activity", t["Care.Use.Activity", 100]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var room = await db.CareRooms.AsNoTracking().SingleOrDefaultAsync(r => r.OrgUnitId == school.Id, ct);
        if (room is null)
        {
            return Outcome<long>.Conflict(t["Care.NoRoom"]);
        }
        if (body.Day < room.OpenedOn)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("day", t["Care.Use.Day"]));
        }
        var use = new CareRoomUse
        {
            RoomId = room.Id, OrgUnitId = school.Id, Day = body.Day!.Value, Children = body.Children!.Value, Activity = activity, RecordedBy = access.ActorName,
            RecordedAt = clock.GetUtcNow(),
        };
        db.CareRoomUses.Add(use);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(use.Id);
    }

    /// <summary>Opens a left-behind child's ledger: the child must be one the registry flags at a school of the caller; one open ledger per child.</summary>
    public async Task<Outcome<long>> OpenLedgerAsync(NewLedger body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var pupil = body.StudentId is { } id ? await roster.PupilAsync(id, ct) : null;
        if (pupil is null || !await access.MayAsync(Permissions.GrowthCare, pupil.SchoolId, ct)
            || !(await roster.FlaggedAsync(pupil.SchoolId, StudentFlag.LeftBehind, ct)).Any(p => p.StudentId == pupil.StudentId))
        {
            errors.Add("studentId", t["Care.Ledger.NotLeftBehind"]);
        }
        var teacher = body.CaringTeacher?.Trim() ?? "";
        var circumstances = body.Circumstances?.Trim() ?? "";
        if (teacher.Length is 0 or > 50)
        {
            errors.Add("caringTeacher", t["Care.Ledger.Teacher", 50]);
        }
        if (circumstances.Length is 0 or > 500)
        {
            errors.Add("circumstances", t["Care.Ledger.Circumstances", 500]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var ledger = new CareLedger
        {
            OrgUnitId = pupil!.SchoolId, StudentId = pupil.StudentId, StudentNumber = pupil.StudentNumber, CaringTeacher = teacher,
            Circumstances = encryption.Encrypt(circumstances), OpenedOn = CityDate.Today(clock), RecordedBy = access.ActorName, RecordedAt = clock.GetUtcNow(),
        };
        db.CareLedgers.Add(ledger);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The child's open ledger exists (the filtered unique index): one is enough.
            db.ChangeTracker.Clear();
            return Outcome<long>.Conflict(t["Care.Ledger.Exists"]);
        }
        return Outcome<long>.Ok(ledger.Id);
    }

    /// <summary>A ledger with its contacts, decrypted; the read audited before anything is returned. Null when not the caller's.</summary>
    public async Task<LedgerView?> LedgerAsync(long id, CancellationToken ct)
    {
        var ledger = await db.CareLedgers.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (ledger is null || !await access.MayAsync(Permissions.GrowthCare, ledger.OrgUnitId, ct) || await roster.PupilAsync(ledger.StudentId, ct) is not { } pupil)
        {
            return null;
        }
        await audit.RecordAsync(ReadAction, nameof(CareLedger), id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: "care ledger", ct: ct);
        var contacts = await db.CareContacts.AsNoTracking().Where(c => c.LedgerId == id).OrderByDescending(c => c.Day).ThenByDescending(c => c.Id).ToListAsync(ct);
        var school = (await tree.NamesOfAsync([ledger.OrgUnitId], ct)).GetValueOrDefault(ledger.OrgUnitId, "");
        return new LedgerView(ledger.Id, ledger.StudentId, ledger.StudentNumber, pupil.Name, school, pupil.ClassName, ledger.CaringTeacher,
            encryption.Decrypt(ledger.Circumstances), ledger.OpenedOn, ledger.ClosedOn,
            [.. contacts.Select(c => new ContactLine(c.Day, c.Kind, encryption.Decrypt(c.Note), c.RecordedBy))],
            await homeVisits.OfStudentAsync(ledger.OrgUnitId, ledger.StudentId, ct));
    }

    /// <summary>Records a contact in an open ledger.</summary>
    public async Task<Outcome<long>> AddContactAsync(long ledgerId, NewContact body, CancellationToken ct)
    {
        var ledger = await db.CareLedgers.AsNoTracking().SingleOrDefaultAsync(l => l.Id == ledgerId, ct);
        if (ledger is null || !await access.MayAsync(Permissions.GrowthCare, ledger.OrgUnitId, ct))
        {
            return Outcome<long>.NotFound(t["Care.Ledger.NotFound"]);
        }
        if (ledger.ClosedOn is not null)
        {
            return Outcome<long>.Conflict(t["Care.Ledger.Closed"]);
        }
        var errors = new InputErrors();
        var note = body.Note?.Trim() ?? "";
        if (body.Day is not { } day || day > CityDate.Today(clock) || day < ledger.OpenedOn.AddDays(-365))
        {
            errors.Add("day", t["Care.Contact.Day"]);
        }
        if (body.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", t["Care.Contact.Kind"]);
        }
        if (note.Length is 0 or > 1000)
        {
            errors.Add("note", t["Care.Contact.Note", 1000]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var contact = new CareContact
        {
            LedgerId = ledgerId, OrgUnitId = ledger.OrgUnitId, Day = body.Day!.Value, Kind = body.Kind!.Value, Note = encryption.Encrypt(note),
            RecordedBy = access.ActorName, RecordedAt = clock.GetUtcNow(),
        };
        db.CareContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(contact.Id);
    }

    /// <summary>Closes a ledger (the parents came home, the child left the school): kept, no longer counted as open.</summary>
    public async Task<Outcome<long>> CloseLedgerAsync(long ledgerId, CancellationToken ct)
    {
        var ledger = await db.CareLedgers.SingleOrDefaultAsync(l => l.Id == ledgerId, ct);
        if (ledger is null || !await access.MayAsync(Permissions.GrowthCare, ledger.OrgUnitId, ct))
        {
            return Outcome<long>.NotFound(t["Care.Ledger.NotFound"]);
        }
        if (ledger.ClosedOn is not null)
        {
            return Outcome<long>.Conflict(t["Care.Ledger.Closed"]);
        }
        ledger.ClosedOn = CityDate.Today(clock);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(ledger.Id);
    }

    private async Task<IReadOnlyList<CareChild>> ChildrenAsync(int schoolId, DateOnly since, CancellationToken ct)
    {
        var pupils = await roster.FlaggedAsync(schoolId, StudentFlag.LeftBehind, ct);
        var ids = pupils.Select(p => p.StudentId).ToList();
        var ledgers = await db.CareLedgers.AsNoTracking().Where(l => l.ClosedOn == null && ids.Contains(l.StudentId))
            .Select(l => new { l.Id, l.StudentId, l.CaringTeacher }).ToListAsync(ct);
        var ledgerIds = ledgers.Select(l => l.Id).ToList();
        var last = await db.CareContacts.AsNoTracking().Where(c => ledgerIds.Contains(c.LedgerId)).GroupBy(c => c.LedgerId)
            .Select(g => new { g.Key, Day = g.Max(c => c.Day) }).ToDictionaryAsync(g => g.Key, g => g.Day, ct);
        if (pupils.Count > 0)
        {
            await audit.RecordAsync(ReadAction, "School", schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                details: $"left-behind children of the school: {pupils.Count}", ct: ct);
        }
        return [.. pupils.Select(p =>
        {
            var ledger = ledgers.FirstOrDefault(l => l.StudentId == p.StudentId);
            DateOnly? lastDay = ledger is not null && last.TryGetValue(ledger.Id, out var d) ? d : null;
            return new CareChild(p.StudentId, p.StudentNumber, p.Name, p.ClassName, ledger?.Id, ledger?.CaringTeacher, lastDay,
                ledger is not null && (lastDay is null || lastDay <= since));
        })];
    }

    private async Task<RoomView?> RoomAsync(int schoolId, CancellationToken ct)
    {
        var room = await db.CareRooms.AsNoTracking().SingleOrDefaultAsync(r => r.OrgUnitId == schoolId, ct);
        if (room is null)
        {
            return null;
        }
        var uses = await db.CareRoomUses.AsNoTracking().Where(u => u.RoomId == room.Id).OrderByDescending(u => u.Day).ThenByDescending(u => u.Id).Take(20)
            .Select(u => new RoomUseLine(u.Day, u.Children, u.Activity)).ToListAsync(ct);
        return new RoomView(room.Name, room.Facilities, room.Keeper, room.OpenedOn, uses);
    }

    /// <summary>The school named (or the caller's only one) when the caller holds <c>growth.care</c> there.</summary>
    private async Task<OrgUnit?> SchoolAsync(string? schoolCode, CancellationToken ct)
    {
        var schools = await access.SchoolsAsync(Permissions.GrowthCare, ct);
        return schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode);
    }
}
