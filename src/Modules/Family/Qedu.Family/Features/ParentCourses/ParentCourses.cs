using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Family.Courses;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Files;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Family.Features.ParentCourses;

internal sealed record SeatInput(long? Course);

/// <summary>A session as a parent sees it: who puts it on, when and where, seats left, whether they hold one, its materials.</summary>
internal sealed record CourseOffer(
    long Id, string Organiser, string Title, string Speaker, string Summary, DateOnly Day, TimeOnly Starts, TimeOnly Ends, string Place,
    int SeatsLeft, bool Open, bool Registered, bool? Attended, IReadOnlyList<MaterialLine> Materials);

/// <summary>
/// Parent courses from a parent's phone (家长大课堂, the parent sign-in): the sessions put on by their children's schools
/// and by the district and city above them, from the start of the school year on; taking and giving back a seat before the
/// session starts; the materials. A seat is taken by one conditional update (registered &lt; capacity) as the transaction's
/// first statement, so concurrent parents never exceed the seats; one seat per parent and session (a unique index).
/// </summary>
internal sealed class ParentCourses(
    FamilyDb db, FamilyAccess access, IStudentMoves students, ParentAccounts parents, OrgTree tree, IFileStore store, TimeProvider clock,
    IStringLocalizer<FamilyText> t)
{
    public async Task<IReadOnlyList<CourseOffer>> ListAsync(CancellationToken ct = default)
    {
        var audience = await AudienceAsync(ct);
        if (audience.Organisers.Count == 0)
        {
            return [];
        }
        var today = CityDate.Today(clock);
        var from = CityDate.SchoolYearStarts(CityDate.SchoolYearOf(today));
        var organisers = audience.Organisers.Keys.ToList();
        // A parent holds no staff grant: the sessions of their children's schools and the bureaus above, by the registry's answer only.
        var courses = await db.ParentCourses.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(c => organisers.Contains(c.OrgUnitId) && c.Day >= from).OrderBy(c => c.Day).ThenBy(c => c.Starts).ToListAsync(ct);
        var ids = courses.Select(c => c.Id).ToList();
        var parent = access.Caller.ParentAccountId!.Value;
        var mine = await db.CourseSeats.AsNoTracking().Where(s => ids.Contains(s.CourseId) && s.ParentAccountId == parent && s.CancelledOn == null)
            .ToDictionaryAsync(s => s.CourseId, ct);
        var materials = (await CourseFiles.LinesAsync(db.CourseMaterials.IgnoreQueryFilters([ScopeFilter.Name]), ids, ct)).ToLookup(m => m.CourseId);
        var now = clock.GetUtcNow();
        return [.. courses.Select(c => new CourseOffer(c.Id, audience.Organisers[c.OrgUnitId], c.Title, c.Speaker, c.Summary, c.Day, c.Starts, c.Ends, c.Place,
            c.Capacity - c.Registered, Open(c, now), mine.ContainsKey(c.Id), mine.GetValueOrDefault(c.Id)?.Attended, [.. materials[c.Id]]))];
    }

    public async Task<Outcome<int>> RegisterAsync(SeatInput input, CancellationToken ct = default)
    {
        var (course, school, error) = await CheckAsync(input, ct);
        if (course is null)
        {
            return error!;
        }
        var parent = access.Caller.ParentAccountId!.Value;
        var existing = await db.CourseSeats.SingleOrDefaultAsync(s => s.CourseId == course.Id && s.ParentAccountId == parent, ct);
        if (existing is { CancelledOn: null })
        {
            return Outcome<int>.Conflict(t["Course.Already"]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The write comes first in the transaction: it takes the row's lock and sees the latest count on both databases.
        var taken = await db.ParentCourses.IgnoreQueryFilters([ScopeFilter.Name]).Where(c => c.Id == course.Id && c.Registered < c.Capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Registered, c => c.Registered + 1), ct);
        if (taken == 0)
        {
            return Outcome<int>.Conflict(t["Course.Full"]);
        }
        var today = CityDate.Today(clock);
        if (existing is null)
        {
            db.CourseSeats.Add(new CourseSeat
            {
                CourseId = course.Id, OrgUnitId = course.OrgUnitId, ParentAccountId = parent, Phone = await PhoneAsync(ct) ?? "", SchoolId = school, RegisteredOn = today,
            });
        }
        else
        {
            (existing.CancelledOn, existing.RegisteredOn, existing.SchoolId, existing.Attended) = (null, today, school, null);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same parent on two phones a moment apart: the seat taken above is given back by the rollback.
            return Outcome<int>.Conflict(t["Course.Already"]);
        }
        await tx.CommitAsync(ct);
        return Outcome<int>.Ok(course.Capacity - course.Registered - 1);
    }

    public async Task<Outcome<int>> CancelAsync(SeatInput input, CancellationToken ct = default)
    {
        var (course, _, error) = await CheckAsync(input, ct);
        if (course is null)
        {
            return error!;
        }
        var parent = access.Caller.ParentAccountId!.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.CourseSeats.Where(s => s.CourseId == course.Id && s.ParentAccountId == parent && s.CancelledOn == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CancelledOn, CityDate.Today(clock)), ct);
        if (cancelled == 0)
        {
            return Outcome<int>.Conflict(t["Course.NoSeat"]);
        }
        await db.ParentCourses.IgnoreQueryFilters([ScopeFilter.Name]).Where(c => c.Id == course.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Registered, c => c.Registered - 1), ct);
        await tx.CommitAsync(ct);
        return Outcome<int>.Ok(cancelled);
    }

    /// <summary>A material's file of a session the parent may attend, or null.</summary>
    public async Task<(string FileName, string MediaType, Stream Content)?> OpenMaterialAsync(long id, long materialId, CancellationToken ct = default)
    {
        var audience = await AudienceAsync(ct);
        var course = await db.ParentCourses.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return course is not null && audience.Organisers.ContainsKey(course.OrgUnitId)
            ? await CourseFiles.OpenAsync(db, store, id, materialId, pastScope: true, ct)
            : null;
    }

    /// <summary>The session, when the parent's children are under its organiser and it has not started; and the school counted for the seat.</summary>
    private async Task<(ParentCourse? Course, int School, Outcome<int>? Error)> CheckAsync(SeatInput input, CancellationToken ct)
    {
        var audience = await AudienceAsync(ct);
        var course = input.Course is { } id
            ? await db.ParentCourses.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            : null;
        if (course is null || !audience.Organisers.ContainsKey(course.OrgUnitId))
        {
            return (null, 0, Outcome<int>.NotFound(t["Course.NotFound"]));
        }
        if (!Open(course, clock.GetUtcNow()))
        {
            return (null, 0, Outcome<int>.Conflict(t["Course.Closed"]));
        }
        return (course, audience.SchoolUnder[course.OrgUnitId], null);
    }

    /// <summary>Seats are taken and given back until the session starts (city time).</summary>
    private static bool Open(ParentCourse c, DateTimeOffset now)
    {
        var local = now.ToOffset(CityDate.Offset);
        var today = DateOnly.FromDateTime(local.DateTime);
        return c.Day > today || (c.Day == today && TimeOnly.FromDateTime(local.DateTime) < c.Starts);
    }

    /// <summary>
    /// Who may put on a session for this parent: each child's school and the units above it (district, city), by name; and
    /// for each, the school counted when the parent takes a seat (the first child's under it).
    /// </summary>
    private async Task<(IReadOnlyDictionary<int, string> Organisers, IReadOnlyDictionary<int, int> SchoolUnder)> AudienceAsync(CancellationToken ct)
    {
        var organisers = new Dictionary<int, string>();
        var schoolUnder = new Dictionary<int, int>();
        var phone = await PhoneAsync(ct);
        if (phone is null)
        {
            return (organisers, schoolUnder);
        }
        foreach (var child in (await students.ChildrenOfGuardianAsync(phone, ct)).Where(c => c.StatusCode == "01").OrderBy(c => c.StudentId))
        {
            // The chain up from the school, past the scope filter (a parent's grant covers no unit).
            for (var unit = await tree.FindPastScopeAsync(child.SchoolId, ct); unit is not null; unit = unit.ParentId is int up ? await tree.FindPastScopeAsync(up, ct) : null)
            {
                organisers.TryAdd(unit.Id, unit.Name);
                schoolUnder.TryAdd(unit.Id, child.SchoolId);
                if (unit.Kind == OrgUnitKind.City)
                {
                    break;
                }
            }
        }
        return (organisers, schoolUnder);
    }

    private async Task<string?> PhoneAsync(CancellationToken ct) =>
        access.Caller.ParentAccountId is Guid parent ? (await parents.FindAsync(parent, ct))?.Phone : null;
}
