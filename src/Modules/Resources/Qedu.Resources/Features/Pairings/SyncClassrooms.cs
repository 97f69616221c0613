using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Resources.Data;
using Qedu.Resources.Domain;
using Qedu.Resources.Resources;

namespace Qedu.Resources.Features.Pairings;

internal sealed record PairingInput(string? UrbanSchool, string? RuralSchool, DateOnly? StartsOn);

internal sealed record SlotInput(string? Subject, string? Teacher, string? UrbanClass, string? RuralClass, int? Weekday, string? StartsAt, int? Minutes);

internal sealed record SessionInput(DateOnly? On, long? Slot, bool? Held, string? Topic, int? Present, int? Enrolled, string? Note);

internal sealed record SlotLine(long Id, string Subject, string Teacher, string UrbanClass, string RuralClass, int Weekday, string StartsAt, int Minutes);

internal sealed record SessionLine(long Id, DateOnly On, long? Slot, bool Held, string? Topic, int Present, int Enrolled, string? Note, string RecordedBy);

internal sealed record PairingLine(
    long Id, string UrbanSchool, string UrbanSchoolCode, string RuralSchool, string RuralSchoolCode, string DecidedBy, DateOnly StartsOn, DateOnly? EndsOn,
    int HeldThisYear, bool CanManage, IReadOnlyList<SlotLine> Slots, IReadOnlyList<SessionLine> Sessions);

internal sealed record PairingList(int Year, IReadOnlyList<PairingLine> Pairings);

/// <summary>
/// Urban–rural school pairings (城乡学校结对) and their synchronous classrooms (同步课堂). A district pairs an urban and a
/// rural school of its own, the city pairs across districts (resources.manage over both, held at a bureau). A pairing,
/// its weekly timetable and its dated sessions (held or not, the lesson, the rural class's attendance) belong to the
/// rural school: the rural school, its district and the city keep them; the urban school sees them.
/// </summary>
internal sealed class SyncClassrooms(ResourcesDb db, ResourcesAccess access, OrgTree tree, CodeBook codes, TimeProvider clock, IStringLocalizer<ResourcesText> t)
{
    public const int RecentSessions = 20;

    public async Task<PairingList> ListAsync(CancellationToken ct = default)
    {
        var year = CityDate.Today(clock).Year;
        var pairings = await db.Pairings.AsNoTracking().ToListAsync(ct);
        var reader = await access.ReaderAsync(ct);
        if (!reader.Everywhere)
        {
            // The urban side: pairings of the schools in the caller's scope that help a school elsewhere.
            var roots = access.Caller.RootsFor(Permissions.ResourcesRead);
            var mine = await tree.SubtreeIdsAsync(roots, ct);
            var known = pairings.Select(p => p.Id).ToHashSet();
            var ids = mine.ToList();
            foreach (var chunk in ids.Chunk(2000))
            {
                pairings.AddRange((await db.Pairings.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(p => chunk.Contains(p.UrbanSchoolId)).ToListAsync(ct))
                    .Where(p => known.Add(p.Id)));
            }
        }
        var pairingIds = pairings.Select(p => p.Id).ToList();
        // Timetables and sessions of the pairings found above (the urban side reads its partner's).
        var slots = (await db.Slots.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => pairingIds.Contains(s.PairingId)).ToListAsync(ct))
            .OrderBy(s => s.Weekday == DayOfWeek.Sunday ? 7 : (int)s.Weekday).ThenBy(s => s.StartsAt).ToLookup(s => s.PairingId);
        var sessions = (await db.Sessions.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => pairingIds.Contains(s.PairingId)).ToListAsync(ct))
            .OrderByDescending(s => s.On).ThenByDescending(s => s.Id).ToLookup(s => s.PairingId);
        var units = await tree.UnitsOfAsync(pairings.SelectMany(p => new[] { p.OrgUnitId, p.UrbanSchoolId, p.DecidedByUnitId }).Distinct(), ct);
        var manage = await tree.WithinScopeAsync(access.Caller, Permissions.ResourcesManage, [.. pairings.Select(p => p.OrgUnitId).Distinct()], ct);
        var canManage = access.Caller.Has(Permissions.ResourcesManage);
        return new PairingList(year, [.. pairings.OrderBy(p => units.GetValueOrDefault(p.OrgUnitId)?.Code, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => new PairingLine(
            p.Id, units.GetValueOrDefault(p.UrbanSchoolId)?.Name ?? "", units.GetValueOrDefault(p.UrbanSchoolId)?.Code ?? "",
            units.GetValueOrDefault(p.OrgUnitId)?.Name ?? "", units.GetValueOrDefault(p.OrgUnitId)?.Code ?? "", units.GetValueOrDefault(p.DecidedByUnitId)?.Name ?? "",
            p.StartsOn, p.EndsOn, sessions[p.Id].Count(s => s.Held && s.On.Year == year), canManage && manage.Contains(p.OrgUnitId),
            [.. slots[p.Id].Select(s => new SlotLine(s.Id, s.Subject, s.Teacher, s.UrbanClass, s.RuralClass, s.Weekday == DayOfWeek.Sunday ? 7 : (int)s.Weekday,
                s.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture), s.Minutes))],
            [.. sessions[p.Id].Take(RecentSessions).Select(s => new SessionLine(s.Id, s.On, s.SlotId, s.Held, s.Topic, s.Present, s.Enrolled, s.Note, s.RecordedBy))]))]);
    }

    public async Task<Outcome<long>> PairAsync(PairingInput input, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var bureau = await access.HomeAsync(Permissions.ResourcesManage, ct);
        var urban = await SchoolAsync(errors, "urbanSchool", input.UrbanSchool, ct);
        var rural = await SchoolAsync(errors, "ruralSchool", input.RuralSchool, ct);
        if (input.StartsOn is null)
        {
            errors.Add("startsOn", t["Field.Required"]);
        }
        if (bureau is not { Kind: OrgUnitKind.District or OrgUnitKind.City or OrgUnitKind.Province })
        {
            errors.Add("ruralSchool", t["Pairing.BureauOnly"]);
        }
        if (urban is not null && codes.IsUrban(urban.UrbanRuralCode) != true)
        {
            errors.Add("urbanSchool", string.Format(t["Pairing.NotUrban"], urban.Name));
        }
        if (rural is not null && codes.IsUrban(rural.UrbanRuralCode) != false)
        {
            errors.Add("ruralSchool", string.Format(t["Pairing.NotRural"], rural.Name));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        if (!await access.MayAsync(Permissions.ResourcesManage, urban!.Id, ct) || !await access.MayAsync(Permissions.ResourcesManage, rural!.Id, ct))
        {
            return Outcome<long>.Invalid(errors.Add("ruralSchool", t["Pairing.OutOfScope"]));
        }
        var start = input.StartsOn!.Value;
        if (await db.Pairings.AnyAsync(p => p.OrgUnitId == rural.Id && p.UrbanSchoolId == urban.Id && (p.EndsOn == null || p.EndsOn >= start), ct))
        {
            return Outcome<long>.Conflict("ruralSchool", t["Pairing.Exists"]);
        }
        var pairing = new SchoolPairing
        {
            OrgUnitId = rural.Id, UrbanSchoolId = urban.Id, DecidedByUnitId = bureau!.Id, StartsOn = start, CreatedAt = clock.GetUtcNow(),
            CreatedBy = access.Caller.ActorName ?? "",
        };
        db.Pairings.Add(pairing);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(pairing.Id);
    }

    public async Task<Outcome<long>> AddSlotAsync(long pairingId, SlotInput input, CancellationToken ct = default)
    {
        var pairing = await ManagedAsync(pairingId, ct);
        if (pairing is null)
        {
            return Outcome<long>.NotFound(t["Pairing.NotFound"]);
        }
        var errors = new InputErrors();
        var subject = errors.Text("subject", input.Subject, 40, t["Field.Required"], string.Format(t["Field.TooLong"], 40));
        var teacher = errors.Text("teacher", input.Teacher, 50, t["Field.Required"], string.Format(t["Field.TooLong"], 50));
        var urbanClass = errors.Text("urbanClass", input.UrbanClass, 50, t["Field.Required"], string.Format(t["Field.TooLong"], 50));
        var ruralClass = errors.Text("ruralClass", input.RuralClass, 50, t["Field.Required"], string.Format(t["Field.TooLong"], 50));
        if (input.Weekday is not (>= 1 and <= 7))
        {
            errors.Add("weekday", string.Format(t["Field.Range"], 1, 7));
        }
        if (!TimeOnly.TryParseExact(input.StartsAt?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startsAt))
        {
            errors.Add("startsAt", t["Slot.TimeFormat"]);
        }
        if (input.Minutes is not (>= 10 and <= 120))
        {
            errors.Add("minutes", string.Format(t["Field.Range"], 10, 120));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var slot = new SyncSlot
        {
            OrgUnitId = pairing.OrgUnitId, PairingId = pairing.Id, Subject = subject!, Teacher = teacher!, UrbanClass = urbanClass!, RuralClass = ruralClass!,
            Weekday = (DayOfWeek)(input.Weekday!.Value % 7), StartsAt = startsAt, Minutes = input.Minutes!.Value,
        };
        db.Slots.Add(slot);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(slot.Id);
    }

    public async Task<Outcome<long>> RecordSessionAsync(long pairingId, SessionInput input, CancellationToken ct = default)
    {
        var pairing = await ManagedAsync(pairingId, ct);
        if (pairing is null)
        {
            return Outcome<long>.NotFound(t["Pairing.NotFound"]);
        }
        var errors = new InputErrors();
        var today = CityDate.Today(clock);
        if (input.On is not { } on)
        {
            errors.Add("on", t["Field.Required"]);
        }
        else if (on > today)
        {
            errors.Add("on", t["Session.Future"]);
        }
        else if (on < pairing.StartsOn || (pairing.EndsOn is { } end && on > end))
        {
            errors.Add("on", t["Session.OutsidePairing"]);
        }
        if (input.Held is null)
        {
            errors.Add("held", t["Field.Required"]);
        }
        var topic = errors.Text("topic", input.Topic, 200, input.Held == true ? t["Session.TopicRequired"].Value : null, string.Format(t["Field.TooLong"], 200));
        var note = errors.Text("note", input.Note, 500, null, string.Format(t["Field.TooLong"], 500));
        if (input.Enrolled is not (>= 0 and <= 200))
        {
            errors.Add("enrolled", string.Format(t["Field.Range"], 0, 200));
        }
        if (input.Present is not (>= 0 and <= 200) || input.Present > input.Enrolled)
        {
            errors.Add("present", t["Session.PresentRange"]);
        }
        if (input.Slot is long slotId && !await db.Slots.AnyAsync(s => s.Id == slotId && s.PairingId == pairing.Id, ct))
        {
            errors.Add("slot", t["Session.SlotUnknown"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var session = new SyncSession
        {
            OrgUnitId = pairing.OrgUnitId, PairingId = pairing.Id, SlotId = input.Slot, On = input.On!.Value, Held = input.Held!.Value, Topic = topic,
            Present = input.Held == true ? input.Present!.Value : 0, Enrolled = input.Enrolled!.Value, Note = note, RecordedAt = clock.GetUtcNow(),
            RecordedBy = access.Caller.ActorName ?? "",
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(session.Id);
    }

    /// <summary>A pairing whose rural school the caller manages (resources.manage over it), else null.</summary>
    private async Task<SchoolPairing?> ManagedAsync(long id, CancellationToken ct)
    {
        var pairing = await db.Pairings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return pairing is not null && await access.MayAsync(Permissions.ResourcesManage, pairing.OrgUnitId, ct) ? pairing : null;
    }

    private async Task<OrgUnit?> SchoolAsync(InputErrors errors, string field, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, t["Field.Required"]);
            return null;
        }
        var unit = await tree.FindAsync(code.Trim(), ct);
        if (unit is not { Kind: OrgUnitKind.School })
        {
            errors.Add(field, string.Format(t["Pairing.SchoolUnknown"], code.Trim()));
            return null;
        }
        return unit;
    }
}
