using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Health;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.Features.Practice;

internal sealed record NewVenue(string? Code, string? Name, string? Category, string? Level, bool? StandardMet, int? Capacity, string? Address, double? Latitude, double? Longitude);

internal sealed record NewSession(string? Title, DateOnly? Day, TimeOnly? Starts, TimeOnly? Ends, int? Capacity);

internal sealed record NewBooking(int? Places, string? ClassName);

internal sealed record CheckInRequest(long? Session, string? Token, long? StudentId);

internal sealed record SessionView(long Id, string Title, DateOnly Day, TimeOnly Starts, TimeOnly Ends, int Capacity, int Booked, int BookedByMine);

internal sealed record VenueView(
    string Code, string Name, string Category, string Level, bool StandardMet, int Capacity, string Address, double? Latitude, double? Longitude,
    string Owner, VenueState State, bool MayKeep, IReadOnlyList<SessionView> Sessions);

/// <summary>The catalogue as the caller sees it: approved venues with upcoming sessions, proposals they approve, and whether they book or keep venues.</summary>
internal sealed record PracticeView(IReadOnlyList<VenueView> Venues, IReadOnlyList<VenueView> Proposals, bool MayBook, bool MayKeep, int DaysPerYear);

/// <summary>A session as the check-in page shows it: the venue, when, whether it is open for check-in now.</summary>
internal sealed record CheckInSession(long Id, string Venue, string Address, string Title, DateOnly Day, TimeOnly Starts, TimeOnly Ends, bool OpenNow);

/// <summary>A guardian's child with their practice this school year (days, and the rules' target).</summary>
internal sealed record ChildPractice(long StudentId, string Name, string School, int Days, int Target, IReadOnlyList<string> Visits);

/// <summary>
/// Social classrooms (社会课堂, 001-15): venues by level (approved by the unit of that level, <c>growth.practice</c>),
/// sessions, bookings held to a session's places by one conditional update, and check-ins by a guardian on the phone
/// at the venue (the QR code carries the session and its secret) that count as a child's practice days.
/// </summary>
internal sealed class SocialClassrooms(
    GrowthDb db, GrowthAccess access, OrgTree tree, PracticeRules rules, IStudentMoves students, ParentAccounts parents, TimeProvider clock,
    IStringLocalizer<GrowthText> t)
{
    public PracticeRules Rules => rules;

    public async Task<PracticeView> CatalogueAsync(CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var mine = (await access.SchoolsAsync(Permissions.GrowthPractice, ct)).Select(s => s.Id).ToList();
        var keeps = access.Caller.IsSystem ? null : access.Caller.RootsFor(Permissions.GrowthPractice).ToHashSet();
        var venues = await db.Venues.AsNoTracking().OrderBy(v => v.Code).ToListAsync(ct);
        var ids = venues.Select(v => v.Id).ToList();
        var sessions = (await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.VenueId) && s.Day >= today).OrderBy(s => s.Day).ThenBy(s => s.Starts).ToListAsync(ct))
            .ToLookup(s => s.VenueId);
        var booked = (await db.Bookings.AsNoTracking().Where(b => mine.Contains(b.OrgUnitId)).GroupBy(b => b.SessionId)
            .Select(g => new { g.Key, Places = g.Sum(b => b.Places) }).ToListAsync(ct)).ToDictionary(b => b.Key, b => b.Places);
        var owners = await tree.NamesOfAsync(venues.Select(v => v.OwnerUnitId).Distinct(), ct);
        VenueView View(Venue v) => new(v.Code, v.Name, v.Category, v.Level, v.StandardMet, v.Capacity, v.Address, v.Latitude, v.Longitude,
            owners.GetValueOrDefault(v.OwnerUnitId, ""), v.State, keeps is null || keeps.Contains(v.OwnerUnitId),
            [.. sessions[v.Id].Select(s => new SessionView(s.Id, s.Title, s.Day, s.Starts, s.Ends, s.Capacity, s.Booked, booked.GetValueOrDefault(s.Id)))]);
        var approved = venues.Where(v => v.State == VenueState.Approved).Select(View).ToList();
        var proposals = venues.Where(v => v.State == VenueState.Proposed).Select(View).Where(v => v.MayKeep).ToList();
        return new PracticeView(approved, proposals, mine.Count > 0, keeps is null || keeps.Count > 0, rules.DaysPerYear);
    }

    /// <summary>
    /// Adds a venue at a level: approved at once when the caller's unit is of the level's approver kind; proposed to the
    /// unit of that kind above the caller otherwise; refused for a level below the caller (a school's venue is the school's).
    /// </summary>
    public async Task<Outcome<string>> AddVenueAsync(NewVenue body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var code = body.Code?.Trim().ToUpperInvariant() ?? "";
        var name = body.Name?.Trim() ?? "";
        var address = body.Address?.Trim() ?? "";
        var level = rules.Level(body.Level);
        if (code.Length is < 2 or > 30 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add("code", t["Practice.Code"]);
        }
        if (name.Length is 0 or > 100)
        {
            errors.Add("name", t["Practice.Name"]);
        }
        if (rules.Category(body.Category) is null)
        {
            errors.Add("category", t["Practice.Category", string.Join(", ", rules.Categories.Select(c => c.Code))]);
        }
        if (level is null)
        {
            errors.Add("level", t["Practice.Level", string.Join(", ", rules.Levels.Select(l => l.Code))]);
        }
        if (body.Capacity is not (> 0 and <= 5000))
        {
            errors.Add("capacity", t["Practice.Capacity"]);
        }
        if (address.Length is 0 or > 200)
        {
            errors.Add("address", t["Practice.Address"]);
        }
        if (body.Latitude is { } lat && lat is < -90 or > 90 || body.Longitude is { } lon && lon is < -180 or > 180 || (body.Latitude is null) != (body.Longitude is null))
        {
            errors.Add("latitude", t["Practice.Coordinates"]);
        }
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        var unitId = await tree.HighestGrantAsync(access.Caller, Permissions.GrowthPractice, ct);
        var unit = unitId is { } id ? await tree.FindPastScopeAsync(id, ct) : null;
        if (unit is null)
        {
            return Outcome<string>.Forbidden(t["Practice.NoUnit"]);
        }
        var rank = Rank(unit.Kind);
        var approverRank = Rank(level!.Approver);
        int owner;
        VenueState state;
        if (rank == approverRank)
        {
            (owner, state) = (unit.Id, VenueState.Approved);
        }
        else if (rank > approverRank && await tree.NearestAboveAsync(unit.Id, [level.Approver], ct) is { } above)
        {
            (owner, state) = (above.Id, VenueState.Proposed);
        }
        else
        {
            return Outcome<string>.Invalid(errors.Add("level", t["Practice.LevelBelow"]));
        }
        if (await db.Venues.AnyAsync(v => v.Code == code, ct))
        {
            return Outcome<string>.Conflict("code", t["Practice.CodeTaken", code]);
        }
        db.Venues.Add(new Venue
        {
            Code = code, Name = name, Category = body.Category!, Level = level.Code, StandardMet = body.StandardMet == true, Capacity = body.Capacity!.Value,
            Address = address, Latitude = body.Latitude, Longitude = body.Longitude, OwnerUnitId = owner, State = state, ProposedBy = access.ActorName,
            ApprovedBy = state == VenueState.Approved ? access.ActorName : null, RecordedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<string>.Conflict("code", t["Practice.CodeTaken", code]);
        }
        return Outcome<string>.Ok(code);
    }

    /// <summary>Approves a proposed venue (the unit of its level); a venue that does not meet the entry standard is not approved.</summary>
    public async Task<Outcome<string>> ApproveAsync(string code, CancellationToken ct)
    {
        var venue = await KeptAsync(code, ct);
        if (venue is null)
        {
            return Outcome<string>.NotFound(t["Practice.NoVenue", code]);
        }
        if (!venue.StandardMet)
        {
            return Outcome<string>.Conflict(t["Practice.Standard"]);
        }
        venue.State = VenueState.Approved;
        venue.ApprovedBy = access.ActorName;
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(venue.Code);
    }

    /// <summary>Adds a session to an approved venue the caller keeps: a day from today, times in order, places up to the venue's.</summary>
    public async Task<Outcome<long>> AddSessionAsync(string code, NewSession body, CancellationToken ct)
    {
        var venue = await KeptAsync(code, ct);
        if (venue is null)
        {
            return Outcome<long>.NotFound(t["Practice.NoVenue", code]);
        }
        var errors = new InputErrors();
        var title = body.Title?.Trim() ?? "";
        if (title.Length is 0 or > 100)
        {
            errors.Add("title", t["Practice.Error.Title"]);
        }
        if (body.Day is not { } day || day < CityDate.Today(clock) || day > CityDate.Today(clock).AddYears(1))
        {
            errors.Add("day", t["Practice.Day"]);
        }
        if (body.Starts is not { } starts || body.Ends is not { } ends || ends <= starts)
        {
            errors.Add("ends", t["Practice.Times"]);
        }
        if (body.Capacity is not { } capacity || capacity < 1 || capacity > venue.Capacity)
        {
            errors.Add("capacity", t["Practice.SessionCapacity", venue.Capacity]);
        }
        if (venue.State != VenueState.Approved)
        {
            errors.Add("code", t["Practice.NotApproved"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var session = new PracticeSession
        {
            VenueId = venue.Id, Title = title, Day = body.Day!.Value, Starts = body.Starts!.Value, Ends = body.Ends!.Value, Capacity = body.Capacity!.Value,
            CheckInToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(session.Id);
    }

    /// <summary>
    /// Books places in a session for a class of the caller's school: the places are taken by one conditional update (booked
    /// + places ≤ capacity) as the transaction's first statement, so concurrent bookings never exceed the session (409 when full).
    /// </summary>
    public async Task<Outcome<long>> BookAsync(long sessionId, NewBooking body, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return Outcome<long>.NotFound(t["Practice.NoSession"]);
        }
        // A booking is one school's: an account over several schools (a district) books nothing.
        var schools = await access.SchoolsAsync(Permissions.GrowthPractice, ct);
        if (schools is not [var school] || !access.Caller.RootsFor(Permissions.GrowthPractice).Contains(school.Id))
        {
            return Outcome<long>.Forbidden(t["Practice.OneSchool"]);
        }
        var className = body.ClassName?.Trim();
        if (body.Places is not (> 0 and <= 200) || className is { Length: > 60 })
        {
            return Outcome<long>.Invalid(new InputErrors().Add("places", t["Practice.Error.Places"]));
        }
        if (session.Day < CityDate.Today(clock))
        {
            return Outcome<long>.Conflict(t["Practice.Past"]);
        }
        var places = body.Places.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The write comes first in the transaction: it takes the row's lock and sees the latest count on both databases.
        var taken = await db.Sessions.Where(s => s.Id == sessionId && s.Booked + places <= s.Capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked + places), ct);
        if (taken == 0)
        {
            return Outcome<long>.Conflict(t["Practice.Full", session.Capacity - session.Booked]);
        }
        var booking = new PracticeBooking
        {
            SessionId = sessionId, OrgUnitId = school.Id, ClassName = className is { Length: > 0 } ? className : null, Places = places,
            BookedAt = clock.GetUtcNow(), BookedBy = access.ActorName,
        };
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(booking.Id);
    }

    /// <summary>The check-in link a session's QR code carries, for the venue's keeper or a school that booked it; null otherwise.</summary>
    public async Task<(CheckInSession Session, string Link)?> CheckInCodeAsync(long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        var venue = session is null ? null : await db.Venues.AsNoTracking().SingleAsync(v => v.Id == session.VenueId, ct);
        if (session is null || venue is null)
        {
            return null;
        }
        var mine = (await access.SchoolsAsync(Permissions.GrowthPractice, ct)).Select(s => s.Id).ToList();
        var keeps = await access.MayAsync(Permissions.GrowthPractice, venue.OwnerUnitId, ct);
        if (!keeps && !await db.Bookings.AnyAsync(b => b.SessionId == sessionId && mine.Contains(b.OrgUnitId), ct))
        {
            return null;
        }
        return (View(session, venue), $"/parent/practice?s={session.Id}&t={session.CheckInToken}");
    }

    /// <summary>The session a check-in link names, when its secret matches; null otherwise (a wrong secret and no session look the same).</summary>
    public async Task<CheckInSession?> SessionForCheckInAsync(long? sessionId, string? token, CancellationToken ct)
    {
        var session = sessionId is { } id ? await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        if (session is null || token is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(session.CheckInToken), Encoding.UTF8.GetBytes(token)))
        {
            return null;
        }
        return View(session, await db.Venues.AsNoTracking().SingleAsync(v => v.Id == session.VenueId, ct));
    }

    /// <summary>The signed-in guardian's children with their practice days this school year.</summary>
    public async Task<IReadOnlyList<ChildPractice>> ChildrenAsync(CancellationToken ct)
    {
        var children = await ChildrenOfParentAsync(ct);
        var year = HealthFile.SchoolYearOf(CityDate.Today(clock));
        var ids = children.Select(c => c.StudentId).ToList();
        var visits = await (from c in db.CheckIns.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                            join s in db.Sessions.AsNoTracking() on c.SessionId equals s.Id
                            join v in db.Venues.AsNoTracking() on s.VenueId equals v.Id
                            where ids.Contains(c.StudentId) && c.SchoolYear == year
                            orderby c.Day
                            select new { c.StudentId, c.Day, v.Name }).ToListAsync(ct);
        var schools = await tree.NamesOfAsync(children.Select(c => c.SchoolId).Distinct(), ct);
        return [.. children.Select(c =>
        {
            var mine = visits.Where(v => v.StudentId == c.StudentId).ToList();
            return new ChildPractice(c.StudentId, c.Name, schools.GetValueOrDefault(c.SchoolId, ""), mine.Select(v => v.Day).Distinct().Count(), rules.DaysPerYear,
                [.. mine.Select(v => $"{v.Day:yyyy-MM-dd} {v.Name}")]);
        })];
    }

    /// <summary>
    /// A guardian checks a child in at the venue: the link's secret, the session's day and hours (from the rules' minutes
    /// before the start to the end), the child theirs, and their school among those who booked it. Once per child and session.
    /// </summary>
    public async Task<Outcome<int>> CheckInAsync(CheckInRequest body, CancellationToken ct)
    {
        var session = await SessionForCheckInAsync(body.Session, body.Token, ct);
        if (session is null)
        {
            return Outcome<int>.NotFound(t["Practice.NoSession"]);
        }
        if (!session.OpenNow)
        {
            return Outcome<int>.Conflict(t["Practice.NotNow", $"{session.Day:yyyy-MM-dd} {session.Starts:HH\\:mm}–{session.Ends:HH\\:mm}"]);
        }
        var child = (await ChildrenOfParentAsync(ct)).FirstOrDefault(c => c.StudentId == body.StudentId);
        if (child is null)
        {
            return Outcome<int>.Invalid(new InputErrors().Add("studentId", t["Practice.NotYourChild"]));
        }
        if (!await db.Bookings.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(b => b.SessionId == session.Id && b.OrgUnitId == child.SchoolId, ct))
        {
            return Outcome<int>.Conflict(t["Practice.NotBooked"]);
        }
        var year = HealthFile.SchoolYearOf(session.Day);
        if (!await db.CheckIns.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(c => c.SessionId == session.Id && c.StudentId == child.StudentId, ct))
        {
            db.CheckIns.Add(new PracticeCheckIn
            {
                SessionId = session.Id, OrgUnitId = child.SchoolId, ParentAccountId = access.Caller.ParentAccountId!.Value, StudentId = child.StudentId,
                Day = session.Day, SchoolYear = year, CheckedAt = clock.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Checked in by another phone meanwhile: once is what counts.
                db.ChangeTracker.Clear();
            }
        }
        var days = await db.CheckIns.IgnoreQueryFilters([ScopeFilter.Name]).Where(c => c.StudentId == child.StudentId && c.SchoolYear == year).Select(c => c.Day).Distinct().CountAsync(ct);
        return Outcome<int>.Ok(days);
    }

    private async Task<IReadOnlyList<StudentStanding>> ChildrenOfParentAsync(CancellationToken ct) =>
        access.Caller.ParentAccountId is Guid parent && (await parents.FindAsync(parent, ct))?.Phone is { } phone
            ? await students.ChildrenOfGuardianAsync(phone, ct)
            : [];

    private CheckInSession View(PracticeSession s, Venue v)
    {
        var now = clock.GetUtcNow().ToOffset(CityDate.Offset);
        var opens = s.Day.ToDateTime(s.Starts).AddMinutes(-rules.CheckInOpensMinutesBefore);
        var closes = s.Day.ToDateTime(s.Ends);
        return new CheckInSession(s.Id, v.Name, v.Address, s.Title, s.Day, s.Starts, s.Ends, now.DateTime >= opens && now.DateTime <= closes);
    }

    private async Task<Venue?> KeptAsync(string code, CancellationToken ct)
    {
        var wanted = code.Trim().ToUpperInvariant();
        var venue = await db.Venues.SingleOrDefaultAsync(v => v.Code == wanted, ct);
        return venue is not null && await access.MayAsync(Permissions.GrowthPractice, venue.OwnerUnitId, ct) ? venue : null;
    }

    /// <summary>City 0, district 1, school 2: how far down the tree a kind of unit sits.</summary>
    private static int Rank(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.City or OrgUnitKind.Province => 0,
        OrgUnitKind.District => 1,
        _ => 2,
    };
}
