using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Family.Care;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Family.Features.CareOffers;

internal sealed record OfferInput(
    string? Name, DateOnly? TermStarts, DateOnly? TermEnds, DateOnly? EnrolUntil, IReadOnlyList<int>? Weekdays, TimeOnly? Starts, TimeOnly? Ends,
    IReadOnlyList<string>? Grades, string? Activities, int? Capacity, decimal? Fee, decimal? Subsidy);

internal sealed record RegisterInput(DateOnly? Day, IReadOnlyList<long>? Absent);

/// <summary>A school's line on the overview: its offers this term, places taken and the share of register marks present.</summary>
internal sealed record CareSchoolLine(string Code, string Name, int Offers, int Enrolled, int Capacity, decimal? AttendanceRate);

internal sealed record OfferLine(
    long Id, string Name, DateOnly TermStarts, DateOnly TermEnds, DateOnly EnrolUntil, IReadOnlyList<int> Weekdays, TimeOnly Starts, TimeOnly Ends,
    IReadOnlyList<string> Grades, string Activities, int Capacity, int Enrolled, decimal Fee, decimal Subsidy, int DaysInTerm, bool Open);

internal sealed record CareOverview(IReadOnlyList<CareSchoolLine> Schools, string? School, string? SchoolName, IReadOnlyList<OfferLine> Offers, bool MayManage);

/// <summary>A class's line: children enrolled and the share present of the register marks taken so far.</summary>
internal sealed record CareClassLine(string ClassName, int Enrolled, int Marks, int Present, decimal? Rate);

internal sealed record CareChild(long StudentId, string Name, string? ClassName, int Present, int Marks);

internal sealed record OfferDetail(OfferLine Offer, string School, IReadOnlyList<CareClassLine> Classes, IReadOnlyList<CareChild> Children,
    IReadOnlyList<DateOnly> RegisterDays, bool MayAttend);

/// <summary>One child's line of the term statement: what the family pays (nothing when in hardship) and the subsidy.</summary>
internal sealed record StatementLine(long StudentId, string Name, string? ClassName, int DaysPresent, decimal Fee, bool Exempt, decimal Pays, decimal Subsidy);

/// <summary>The term's fee and subsidy statement of an offer: per child, and the totals the school reports.</summary>
internal sealed record CareStatement(
    long OfferId, string Offer, string School, DateOnly TermStarts, DateOnly TermEnds, int DaysHeld, int DaysInTerm, IReadOnlyList<StatementLine> Lines,
    int Children, int Exempt, decimal FeesDue, decimal FeesWaived, decimal SubsidyDue);

/// <summary>
/// After-school care as a school keeps it (课后服务, 001-21, 003-31): offers for a term (care.manage), the children
/// guardians enrolled by class, the register for a day (care.attend), and the term statement (care.read): the fee each
/// family pays — nothing for a child of a family in hardship (the registry's flag) — and the public subsidy per child.
/// Lists naming children are audited reads.
/// </summary>
internal sealed class CareOffers(
    FamilyDb db, FamilyAccess access, OrgTree tree, IStudentRoster roster, WorkingCalendar calendar, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<FamilyText> t)
{
    public const int MaxCapacity = 2000;

    public async Task<Outcome<CareOverview>> OverviewAsync(string? schoolCode, CancellationToken ct = default)
    {
        var schools = await access.SchoolsAsync(Permissions.CareRead, ct);
        var school = schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode.Trim());
        if (schoolCode is not null && school is null)
        {
            return Outcome<CareOverview>.NotFound(t["School.NotFound"]);
        }
        var today = CityDate.Today(clock);
        var ids = schools.Select(s => s.Id).ToList();
        var current = await db.CareOffers.AsNoTracking().Where(o => ids.Contains(o.OrgUnitId) && o.TermEnds >= today).ToListAsync(ct);
        var offerIds = current.Select(o => o.Id).ToList();
        var marks = await db.CareAttendance.AsNoTracking().Where(a => offerIds.Contains(a.OfferId))
            .GroupBy(a => a.OrgUnitId).Select(g => new { g.Key, Marks = g.Count(), Present = g.Count(a => a.Present) }).ToDictionaryAsync(g => g.Key, ct);
        var lines = schools.Select(s =>
        {
            var mine = current.Where(o => o.OrgUnitId == s.Id).ToList();
            var m = marks.GetValueOrDefault(s.Id);
            return new CareSchoolLine(s.Code, s.Name, mine.Count, mine.Sum(o => o.Enrolled), mine.Sum(o => o.Capacity), Rate(m?.Present ?? 0, m?.Marks ?? 0));
        }).Where(l => l.Offers > 0 || schools.Count == 1).ToList();
        IReadOnlyList<OfferLine> offers = [];
        var mayManage = false;
        if (school is not null)
        {
            var days = await calendar.CurrentAsync(ct);
            offers = [.. (await db.CareOffers.AsNoTracking().Where(o => o.OrgUnitId == school.Id).OrderByDescending(o => o.TermStarts).ThenBy(o => o.Id).Take(20).ToListAsync(ct))
                .Select(o => Line(o, days, today))];
            mayManage = await access.MayAsync(Permissions.CareManage, school.Id, ct);
        }
        return Outcome<CareOverview>.Ok(new CareOverview(lines, school?.Code, school?.Name, offers, mayManage));
    }

    public async Task<Outcome<long>> AddOfferAsync(string? schoolCode, OfferInput input, CancellationToken ct = default)
    {
        var schools = await access.SchoolsAsync(Permissions.CareManage, ct);
        var school = schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode.Trim());
        if (school is null)
        {
            return Outcome<long>.NotFound(t["School.NotFound"]);
        }
        var errors = new InputErrors();
        var name = errors.Text("name", input.Name, 100, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 100));
        var activities = errors.Text("activities", input.Activities, 1000, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 1000));
        if (input.TermStarts is not { } starts)
        {
            errors.Add("termStarts", t["Field.Required"]);
        }
        if (input.TermEnds is not { } ends)
        {
            errors.Add("termEnds", t["Field.Required"]);
        }
        else if (input.TermStarts is { } s && (ends < s || ends > s.AddDays(200)))
        {
            errors.Add("termEnds", t["Offer.TermSpan"]);
        }
        if (input.EnrolUntil is not { } until)
        {
            errors.Add("enrolUntil", t["Field.Required"]);
        }
        else if (input.TermEnds is { } e && until > e)
        {
            errors.Add("enrolUntil", t["Offer.EnrolAfterTerm"]);
        }
        var weekdays = (input.Weekdays ?? []).Distinct().Order().ToList();
        if (weekdays.Count == 0 || weekdays.Any(d => d is < 1 or > 7))
        {
            errors.Add("weekdays", t["Offer.Weekdays"]);
        }
        if (input.Starts is not { } from || input.Ends is not { } to || to <= from)
        {
            errors.Add("ends", t["Offer.Hours"]);
        }
        var grades = (input.Grades ?? []).Select(g => g.Trim().ToUpperInvariant()).Where(g => g.Length > 0).Distinct().ToList();
        if (grades.Count == 0 || grades.Any(g => !ValidGrade(g)))
        {
            errors.Add("grades", t["Offer.Grades"]);
        }
        if (input.Capacity is not (> 0 and <= MaxCapacity))
        {
            errors.Add("capacity", string.Format(CultureInfo.CurrentCulture, t["Field.Range"], 1, MaxCapacity));
        }
        if (input.Fee is not (>= 0 and <= 10_000m) || decimal.Round(input.Fee.Value, 2) != input.Fee)
        {
            errors.Add("fee", string.Format(CultureInfo.CurrentCulture, t["Field.Money"], 10_000));
        }
        if (input.Subsidy is not (>= 0 and <= 10_000m) || decimal.Round(input.Subsidy.Value, 2) != input.Subsidy)
        {
            errors.Add("subsidy", string.Format(CultureInfo.CurrentCulture, t["Field.Money"], 10_000));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var offer = new CareOffer
        {
            OrgUnitId = school.Id, Name = name!, TermStarts = input.TermStarts!.Value, TermEnds = input.TermEnds!.Value, EnrolUntil = input.EnrolUntil!.Value,
            Weekdays = string.Join(",", weekdays), Starts = input.Starts!.Value, Ends = input.Ends!.Value, Grades = string.Join(",", grades),
            Activities = activities!, Capacity = input.Capacity!.Value, Fee = input.Fee!.Value, Subsidy = input.Subsidy!.Value,
            CreatedAt = clock.GetUtcNow(), CreatedBy = access.ActorName,
        };
        db.CareOffers.Add(offer);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(offer.Id);
    }

    /// <summary>An offer with its children by class and the register's days: the children's names are an audited read.</summary>
    public async Task<Outcome<OfferDetail>> OfferAsync(long id, CancellationToken ct = default)
    {
        var (offer, school) = await FindAsync(id, Permissions.CareRead, ct);
        if (offer is null || school is null)
        {
            return Outcome<OfferDetail>.NotFound(t["Offer.NotFound"]);
        }
        var children = await ChildrenAsync(offer, ct);
        var marks = await db.CareAttendance.AsNoTracking().Where(a => a.OfferId == id).ToListAsync(ct);
        var classes = children.GroupBy(c => c.ClassName ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var ids = g.Select(c => c.StudentId).ToHashSet();
            var mine = marks.Where(m => ids.Contains(m.StudentId)).ToList();
            return new CareClassLine(g.Key, g.Count(), mine.Count, mine.Count(m => m.Present), Rate(mine.Count(m => m.Present), mine.Count));
        }).ToList();
        var lines = children.Select(c => new CareChild(c.StudentId, c.Name, c.ClassName, marks.Count(m => m.StudentId == c.StudentId && m.Present),
            marks.Count(m => m.StudentId == c.StudentId))).ToList();
        var days = marks.Select(m => m.Day).Distinct().OrderDescending().ToList();
        var line = Line(offer, await calendar.CurrentAsync(ct), CityDate.Today(clock));
        return Outcome<OfferDetail>.Ok(new OfferDetail(line, school.Name, classes, lines, days, await access.MayAsync(Permissions.CareAttend, offer.OrgUnitId, ct)));
    }

    /// <summary>
    /// The register of a day (care.attend): every child enrolled that day is marked present but those named absent; taking it
    /// again replaces the day's marks. The day must be one care runs on, not after today.
    /// </summary>
    public async Task<Outcome<int>> RegisterAsync(long id, RegisterInput input, CancellationToken ct = default)
    {
        var (offer, _) = await FindAsync(id, Permissions.CareAttend, ct);
        if (offer is null)
        {
            return Outcome<int>.NotFound(t["Offer.NotFound"]);
        }
        var today = CityDate.Today(clock);
        if (input.Day is not { } day)
        {
            return Outcome<int>.Invalid(new InputErrors().Add("day", t["Field.Required"]));
        }
        if (day > today)
        {
            return Outcome<int>.Invalid(new InputErrors().Add("day", t["Field.DateFuture"]));
        }
        if (!CareSchedule.RunsOn(offer, await calendar.CurrentAsync(ct), day))
        {
            return Outcome<int>.Invalid(new InputErrors().Add("day", t["Register.NotACareDay"]));
        }
        var enrolled = await db.CareEnrolments.AsNoTracking()
            .Where(e => e.OfferId == id && e.EnrolledOn <= day && (e.WithdrawnOn == null || e.WithdrawnOn > day))
            .Select(e => e.StudentId).ToListAsync(ct);
        var absent = (input.Absent ?? []).ToHashSet();
        if (absent.Except(enrolled).Any())
        {
            return Outcome<int>.Invalid(new InputErrors().Add("absent", t["Register.NotEnrolled"]));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CareAttendance.Where(a => a.OfferId == id && a.Day == day).ExecuteDeleteAsync(ct);
        db.CareAttendance.AddRange(enrolled.Select(s => new CareAttendance
        {
            OfferId = id, OrgUnitId = offer.OrgUnitId, StudentId = s, Day = day, Present = !absent.Contains(s), RecordedBy = access.ActorName,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<int>.Ok(enrolled.Count - absent.Count);
    }

    /// <summary>The term's statement (care.read): per child enrolled at any time in the term, an audited read of their names.</summary>
    public async Task<Outcome<CareStatement>> StatementAsync(long id, CancellationToken ct = default)
    {
        var (offer, school) = await FindAsync(id, Permissions.CareRead, ct);
        if (offer is null || school is null)
        {
            return Outcome<CareStatement>.NotFound(t["Offer.NotFound"]);
        }
        var children = await ChildrenAsync(offer, ct);
        var hardship = (await roster.FlaggedAsync(offer.OrgUnitId, StudentFlag.FinancialHardship, ct)).Select(p => p.StudentId).ToHashSet();
        var present = await db.CareAttendance.AsNoTracking().Where(a => a.OfferId == id && a.Present)
            .GroupBy(a => a.StudentId).Select(g => new { g.Key, Days = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Days, ct);
        var daysHeld = await db.CareAttendance.AsNoTracking().Where(a => a.OfferId == id).Select(a => a.Day).Distinct().CountAsync(ct);
        var lines = children.Select(c =>
        {
            var exempt = hardship.Contains(c.StudentId);
            return new StatementLine(c.StudentId, c.Name, c.ClassName, present.GetValueOrDefault(c.StudentId), offer.Fee, exempt, exempt ? 0m : offer.Fee, offer.Subsidy);
        }).ToList();
        var daysInTerm = CareSchedule.DaysUpTo(offer, await calendar.CurrentAsync(ct), offer.TermEnds);
        return Outcome<CareStatement>.Ok(new CareStatement(offer.Id, offer.Name, school.Name, offer.TermStarts, offer.TermEnds, daysHeld, daysInTerm, lines,
            lines.Count, lines.Count(l => l.Exempt), lines.Sum(l => l.Pays), lines.Where(l => l.Exempt).Sum(l => l.Fee), lines.Sum(l => l.Subsidy)));
    }

    private async Task<(CareOffer? Offer, Kernel.OrgUnits.OrgUnit? School)> FindAsync(long id, string permission, CancellationToken ct)
    {
        var offer = await db.CareOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null || !await access.MayAsync(permission, offer.OrgUnitId, ct))
        {
            return (null, null);
        }
        // The caller may act on the school (checked above): its name by id, not every school of the caller's scope.
        return (offer, await tree.FindAsync(offer.OrgUnitId, ct));
    }

    /// <summary>The children enrolled in the offer (withdrawn ones too: the term statement counts them), named; an audited read.</summary>
    private async Task<IReadOnlyList<(long StudentId, string Name, string? ClassName)>> ChildrenAsync(CareOffer offer, CancellationToken ct)
    {
        var ids = await db.CareEnrolments.AsNoTracking().Where(e => e.OfferId == offer.Id).Select(e => e.StudentId).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return [];
        }
        // Class by class (a school's care takes a few grades): the roster names each class's pupils, in the caller's scope.
        var wanted = ids.ToHashSet();
        var grades = offer.GradeList.ToHashSet();
        var pupils = new List<(long, string, string?)>();
        foreach (var c in (await roster.ClassesAsync([offer.OrgUnitId], ct)).Where(c => grades.Contains(c.GradeCode)))
        {
            pupils.AddRange((await roster.InClassAsync(c.ClassId, ct)).Where(p => wanted.Remove(p.StudentId)).Select(p => (p.StudentId, p.Name, p.ClassName)));
        }
        // Children who left the class lists (moved, withdrawn from school) keep their line, named as the registry still names them.
        var rest = await roster.NamesAsync(wanted, ct);
        pupils.AddRange(wanted.Select(id => (id, rest.GetValueOrDefault(id, "—"), (string?)null)));
        await audit.RecordAsync(ReadAction, nameof(CareOffer), offer.Id.ToString(CultureInfo.InvariantCulture), offer.OrgUnitId,
            details: $"after-school care: {ids.Count} children named", ct: ct);
        return [.. pupils.OrderBy(p => p.Item3 ?? "", StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal)];
    }

    /// <summary>The audit action of a list naming enrolled children.</summary>
    public const string ReadAction = "family.care-read";

    private static OfferLine Line(CareOffer o, WorkingDays days, DateOnly today) =>
        new(o.Id, o.Name, o.TermStarts, o.TermEnds, o.EnrolUntil, o.Days, o.Starts, o.Ends, o.GradeList, o.Activities, o.Capacity, o.Enrolled, o.Fee, o.Subsidy,
            CareSchedule.DaysUpTo(o, days, o.TermEnds), CareSchedule.Open(o, today));

    private static decimal? Rate(int present, int marks) => marks == 0 ? null : Math.Round(100m * present / marks, 1);

    private static bool ValidGrade(string g) => g.Length == 2 && g[0] is 'P' or 'J' && g[1] is >= '1' and <= '6' && (g[0] == 'P' || g[1] <= '3');
}
