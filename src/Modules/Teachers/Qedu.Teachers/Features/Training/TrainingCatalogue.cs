using System.Globalization;
using System.Text.RegularExpressions;
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
using Qedu.Teachers.Training;

namespace Qedu.Teachers.Features.Training;

internal sealed record ProviderRow(string Code, string Name, string Owner, int Courses);

internal sealed record CourseRow(
    string Code, string Title, string ProviderCode, string ProviderName, string Category, double Hours, int Sessions, int Capacity, int Enrolled,
    DateOnly StartsOn, DateOnly EndsOn, bool Online, string Owner, string OwnerKind, bool Closed);

/// <summary>The catalogue: providers and courses (a category's only, when asked), and whether the caller may add to it.</summary>
internal sealed record TrainingCatalogueView(IReadOnlyList<ProviderRow> Providers, IReadOnlyList<CourseRow> Courses, string? Category, bool MayAdd);

/// <summary>A teacher on a course, as the course's page lists them (those in the caller's scope).</summary>
internal sealed record EnrolmentRow(long StaffId, string StaffNumber, string Name, string School, int SessionsAttended, string State);

/// <summary>A course with its enrolments and what the caller may do: enrol its teachers, record attendance and close (the owner).</summary>
internal sealed record CourseView(CourseRow Course, IReadOnlyList<EnrolmentRow> Enrolments, int SessionsNeeded, bool MayEnrol, bool MayManage);

internal sealed record NewProvider(string? Code, string? Name);

/// <summary>A course: code (unique), providerCode, title, category (rules), hours, sessions, capacity, startsOn, endsOn, online.</summary>
internal sealed record NewCourse(
    string? Code, string? ProviderCode, string? Title, string? Category, double? Hours, int? Sessions, int? Capacity, DateOnly? StartsOn, DateOnly? EndsOn,
    bool Online = false);

/// <summary>A teacher to enrol, by 教职工号.</summary>
internal sealed record NewEnrolment(string? StaffNumber);

/// <summary>How many of the course's sessions a teacher attended.</summary>
internal sealed record Attendance(int? SessionsAttended);

/// <summary>What closing a course did: teachers credited, not completed (too few sessions), and already credited by a provider's file.</summary>
internal sealed record CourseClosed(int Credited, int NotCompleted, int AlreadyCredited);

/// <summary>
/// The training catalogue (three-level 研训: the city's, a district's, a school's courses). Providers and courses belong
/// to the unit of the caller's highest <c>teachers.manage</c> grant; a course is open to the teachers of the schools
/// under that unit, enrolled by their school or a bureau above it, up to its capacity (held under concurrent requests).
/// The owner records attendance and closes the course: those who attended enough sessions (the rules' share) are
/// credited its hours, once.
/// </summary>
internal sealed partial class TrainingCatalogue(
    TeachersDb db, TeacherAccess access, IStaffDirectory directory, TrainingTally tally, TrainingLedger ledger, OrgTree tree, TimeProvider clock,
    IStringLocalizer<TeachersText> t)
{
    public const int MaxCapacity = 10_000;
    public const int MaxSessions = 200;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,20}$")]
    private static partial Regex ProviderCodePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,30}$")]
    private static partial Regex CourseCodePattern();

    public async Task<TrainingCatalogueView> CatalogueAsync(string? category, CancellationToken ct)
    {
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var query = db.Courses.AsNoTracking();
        if (category is { Length: > 0 })
        {
            query = query.Where(c => c.Category == category);
        }
        var courses = await query.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Code).ToListAsync(ct);
        var counts = await db.Courses.AsNoTracking().GroupBy(c => c.ProviderId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var owners = await tree.UnitsOfAsync(providers.Select(p => p.OwnerUnitId).Concat(courses.Select(c => c.OwnerUnitId)).Distinct(), ct);
        var byId = providers.ToDictionary(p => p.Id);
        return new TrainingCatalogueView(
            providers.ConvertAll(p => new ProviderRow(p.Code, p.Name, OwnerName(owners, p.OwnerUnitId), counts.GetValueOrDefault(p.Id))),
            courses.ConvertAll(c => Row(c, byId[c.ProviderId], owners)), category, await OwnerAsync(ct) is not null);
    }

    public async Task<CourseView?> CourseAsync(string code, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, ct);
        if (course is null)
        {
            return null;
        }
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == course.ProviderId, ct);
        var owners = await tree.UnitsOfAsync([course.OwnerUnitId], ct);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var staff = await directory.FindManyAsync([.. enrolments.Select(e => e.StaffId)], ct);
        var schools = await tree.UnitsOfAsync(staff.Values.Select(s => s.SchoolId).Distinct(), ct);
        var rows = enrolments.Where(e => staff.ContainsKey(e.StaffId)).Select(e =>
        {
            var member = staff[e.StaffId];
            return new EnrolmentRow(e.StaffId, member.StaffNumber, member.Name, OwnerName(schools, member.SchoolId), e.SessionsAttended, e.State.ToString());
        }).ToList();
        var mayManage = await access.MayAsync(Permissions.TeachersManage, course.OwnerUnitId, ct);
        var mayEnrol = course.CompletedAt is null && (mayManage || (await access.SchoolsAsync(Permissions.TeachersManage, ct)).Count > 0);
        return new CourseView(Row(course, provider, owners), rows, SessionsNeeded(course), mayEnrol, mayManage);
    }

    public async Task<Outcome<string>> AddProviderAsync(NewProvider input, CancellationToken ct)
    {
        var owner = await OwnerAsync(ct);
        if (owner is null)
        {
            return Outcome<string>.Forbidden(t["Training.NoOwner"]);
        }
        var errors = new InputErrors();
        var code = input.Code?.Trim() ?? "";
        if (!ProviderCodePattern().IsMatch(code))
        {
            errors.Add("code", t["Training.ProviderCode"]);
        }
        else if (await db.Providers.AnyAsync(p => p.Code == code, ct))
        {
            errors.Add("code", t["Training.ProviderExists", code]);
        }
        var name = input.Name?.Trim();
        if (name is not { Length: > 0 and <= 100 })
        {
            errors.Add("name", t["Records.Text", 100]);
        }
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        db.Providers.Add(new TrainingProvider { Code = code, Name = name!, OwnerUnitId = owner.Value, RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName });
        return await SaveAsync(code, "code", t["Training.ProviderExists", code], ct);
    }

    public async Task<Outcome<string>> AddCourseAsync(NewCourse input, CancellationToken ct)
    {
        var owner = await OwnerAsync(ct);
        if (owner is null)
        {
            return Outcome<string>.Forbidden(t["Training.NoOwner"]);
        }
        var errors = new InputErrors();
        var code = input.Code?.Trim() ?? "";
        if (!CourseCodePattern().IsMatch(code))
        {
            errors.Add("code", t["Training.CourseCode"]);
        }
        else if (await db.Courses.AnyAsync(c => c.Code == code, ct))
        {
            errors.Add("code", t["Training.CourseExists", code]);
        }
        var provider = input.ProviderCode is { Length: > 0 } p ? await db.Providers.AsNoTracking().SingleOrDefaultAsync(x => x.Code == p.Trim(), ct) : null;
        if (provider is null)
        {
            errors.Add("providerCode", t["Training.NoProvider", input.ProviderCode ?? ""]);
        }
        var title = input.Title?.Trim();
        if (title is not { Length: > 0 and <= 100 })
        {
            errors.Add("title", t["Records.Text", 100]);
        }
        if (tally.Rules.Category(input.Category) is null)
        {
            errors.Add("category", t["Training.Category", string.Join(", ", tally.Rules.Categories.Select(c => c.Code))]);
        }
        if (ledger.HoursProblem(input.Hours, TrainingLedger.MaxLineHours) is { } hours)
        {
            errors.Add("hours", hours);
        }
        if (input.Sessions is not (> 0 and <= MaxSessions))
        {
            errors.Add("sessions", t["Training.Sessions", MaxSessions]);
        }
        if (input.Capacity is not (> 0 and <= MaxCapacity))
        {
            errors.Add("capacity", t["Training.Capacity", MaxCapacity]);
        }
        var today = CityDate.Today(clock);
        if (input.StartsOn is not { } starts || starts.Year < today.Year - 5 || starts > today.AddYears(2))
        {
            errors.Add("startsOn", t["Records.Date"]);
        }
        if (input.EndsOn is not { } ends || ends < input.StartsOn || ends > today.AddYears(3))
        {
            errors.Add("endsOn", t["Training.EndsOn"]);
        }
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        db.Courses.Add(new TrainingCourse
        {
            Code = code, ProviderId = provider!.Id, Title = title!, Category = input.Category!, Hours = input.Hours!.Value, Sessions = input.Sessions!.Value,
            Capacity = input.Capacity!.Value, StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value, Online = input.Online, OwnerUnitId = owner.Value,
            RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        });
        return await SaveAsync(code, "code", t["Training.CourseExists", code], ct);
    }

    /// <summary>
    /// Enrols a teacher the caller manages on a course open to their school, while places are left: the place is taken by
    /// one conditional update (enrolled below capacity, the course open), so concurrent requests never overfill it.
    /// </summary>
    public async Task<Outcome<long>> EnrolAsync(string code, NewEnrolment input, CancellationToken ct)
    {
        var number = input.StaffNumber?.Trim() ?? "";
        var teacher = number.Length > 0 ? (await directory.FindByNumbersAsync([number], ct)).GetValueOrDefault(number) : null;
        if (teacher is null || !await access.MayAsync(Permissions.TeachersManage, teacher.SchoolId, ct))
        {
            return Outcome<long>.Invalid(new InputErrors().Add("staffNumber", t["Training.Row.Staff", number]));
        }
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, ct);
        if (course is null)
        {
            return Outcome<long>.NotFound(t["Training.NoCourse", code]);
        }
        if (course.CompletedAt is not null)
        {
            return Outcome<long>.Conflict(t["Training.Closed"]);
        }
        if (!await tree.IsUnderAsync([course.OwnerUnitId], teacher.SchoolId, ct))
        {
            return Outcome<long>.Conflict("staffNumber", t["Training.NotOpen", teacher.Name]);
        }
        if (await db.Enrolments.AnyAsync(e => e.CourseId == course.Id && e.StaffId == teacher.StaffId, ct))
        {
            return Outcome<long>.Conflict("staffNumber", t["Training.Enrolled", teacher.Name]);
        }
        var enrolment = new TrainingEnrolment
        {
            OrgUnitId = teacher.SchoolId, CourseId = course.Id, StaffId = teacher.StaffId, EnrolledAt = clock.GetUtcNow(), EnrolledBy = access.ActorName,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The write comes first in the transaction: it takes the lock and sees the latest count on both databases.
        var taken = await db.Courses.Where(c => c.Id == course.Id && c.CompletedAt == null && c.Enrolled < c.Capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Enrolled, c => c.Enrolled + 1).SetProperty(c => c.Revision, c => c.Revision + 1), ct);
        if (taken == 0)
        {
            return Outcome<long>.Conflict(t["Training.Full", course.Capacity]);
        }
        db.Enrolments.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same teacher enrolled by another request meanwhile: the place taken above is given back with the rollback.
            return Outcome<long>.Conflict("staffNumber", t["Training.Enrolled", teacher.Name]);
        }
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(enrolment.Id);
    }

    /// <summary>Records a teacher's sessions attended (the course's owner, until it is closed).</summary>
    public async Task<Outcome<int>> AttendanceAsync(string code, long staffId, Attendance input, CancellationToken ct)
    {
        var (course, refusal) = await OwnedAsync(code, ct);
        if (course is null)
        {
            return Refused<int>(refusal!.Value);
        }
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.CourseId == course.Id && e.StaffId == staffId, ct);
        if (enrolment is null)
        {
            return Outcome<int>.NotFound(t["Training.NoEnrolment"]);
        }
        if (input.SessionsAttended is not { } sessions || sessions < 0 || sessions > course.Sessions)
        {
            return Outcome<int>.Invalid(new InputErrors().Add("sessionsAttended", t["Training.Attended", course.Sessions]));
        }
        enrolment.SessionsAttended = sessions;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(sessions);
    }

    /// <summary>
    /// Closes a course after its last day (the owner): each teacher who attended the rules' share of its sessions is
    /// credited its hours on its last day, unless a provider's file already did; the others did not complete it.
    /// </summary>
    public async Task<Outcome<CourseClosed>> CloseAsync(string code, CancellationToken ct)
    {
        var (course, refusal) = await OwnedAsync(code, ct);
        if (course is null)
        {
            return Refused<CourseClosed>(refusal!.Value);
        }
        if (CityDate.Today(clock) < course.EndsOn)
        {
            return Outcome<CourseClosed>.Conflict(t["Training.NotEnded", course.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        var enrolments = await db.Enrolments.Where(e => e.CourseId == course.Id && e.State == EnrolmentState.Enrolled).ToListAsync(ct);
        var credited = (await db.Hours.AsNoTracking().Where(h => h.CourseId == course.Id).Select(h => h.StaffId).ToListAsync(ct)).ToHashSet();
        var needed = SessionsNeeded(course);
        var now = clock.GetUtcNow();
        var result = new CourseClosed(0, 0, 0);
        foreach (var enrolment in enrolments)
        {
            if (credited.Contains(enrolment.StaffId))
            {
                enrolment.State = EnrolmentState.Completed;
                result = result with { AlreadyCredited = result.AlreadyCredited + 1 };
            }
            else if (enrolment.SessionsAttended >= needed)
            {
                enrolment.State = EnrolmentState.Completed;
                db.Hours.Add(new TrainingHours
                {
                    OrgUnitId = enrolment.OrgUnitId, StaffId = enrolment.StaffId, CourseId = course.Id, Title = course.Title, Category = course.Category,
                    Hours = course.Hours, CompletedOn = course.EndsOn, Source = HoursSource.Course, RecordedAt = now, RecordedBy = access.ActorName,
                });
                result = result with { Credited = result.Credited + 1 };
            }
            else
            {
                enrolment.State = EnrolmentState.NotCompleted;
                result = result with { NotCompleted = result.NotCompleted + 1 };
            }
        }
        course.CompletedAt = now;
        course.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<CourseClosed>.Conflict(t["Training.Busy"]);
        }
        return Outcome<CourseClosed>.Ok(result);
    }

    /// <summary>Sessions a teacher must attend to complete the course: the rules' share, rounded up.</summary>
    public int SessionsNeeded(TrainingCourse course) => (int)Math.Ceiling((course.Sessions * tally.Rules.CompletionAttendance) - 1e-9);

    /// <summary>The course, when the caller holds teachers.manage over its owner and it is still open; else why not.</summary>
    private async Task<(TrainingCourse? Course, (OutcomeKind Kind, string Message)? Refusal)> OwnedAsync(string code, CancellationToken ct)
    {
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Code == code, ct);
        if (course is null)
        {
            return (null, (OutcomeKind.NotFound, t["Training.NoCourse", code]));
        }
        if (!await access.MayAsync(Permissions.TeachersManage, course.OwnerUnitId, ct))
        {
            return (null, (OutcomeKind.Forbidden, t["Training.OwnerOnly"]));
        }
        return course.CompletedAt is not null ? (null, (OutcomeKind.Conflict, t["Training.Closed"])) : (course, null);
    }

    private static Outcome<T> Refused<T>((OutcomeKind Kind, string Message) refusal) =>
        new(refusal.Kind, default, refusal.Kind == OutcomeKind.Conflict ? new InputErrors() : null, refusal.Message);

    /// <summary>The unit a new provider or course belongs to: the caller's highest unit with teachers.manage (the city for the system).</summary>
    private Task<int?> OwnerAsync(CancellationToken ct) => tree.HighestGrantAsync(access.Caller, Permissions.TeachersManage, ct);

    private async Task<Outcome<string>> SaveAsync(string code, string field, string exists, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<string>.Ok(code);
        }
        catch (DbUpdateException)
        {
            return Outcome<string>.Invalid(new InputErrors().Add(field, exists));
        }
    }

    private static string OwnerName(IReadOnlyDictionary<int, OrgUnit> units, int id) => units.TryGetValue(id, out var unit) ? unit.DisplayName(CodeBook.IsEnglish) : "";

    private static CourseRow Row(TrainingCourse c, TrainingProvider p, IReadOnlyDictionary<int, OrgUnit> owners) => new(
        c.Code, c.Title, p.Code, p.Name, c.Category, c.Hours, c.Sessions, c.Capacity, c.Enrolled, c.StartsOn, c.EndsOn, c.Online, OwnerName(owners, c.OwnerUnitId),
        owners.TryGetValue(c.OwnerUnitId, out var o) ? o.Kind.ToString() : "", c.CompletedAt is not null);
}
