using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Growth.Features.Practice;

internal sealed record NewCourse(string? Title, string? Stage, int? Days, string? Summary);

internal sealed record NewTrip(long? CourseId, DateOnly? Day, int? Students, int? Teachers, string? Transport, string? SafetyPlan);

internal sealed record TripReview(bool? Approve, string? Note);

internal sealed record CourseLine(long Id, string VenueCode, string Venue, string Title, string Stage, int Days, string Summary);

/// <summary>A trip as its school and its district see it; <see cref="MayNotRun"/>: its day has come without an approved plan.</summary>
internal sealed record TripLine(long Id, string School, string Venue, string Course, DateOnly Day, int Days, int Students, int Teachers, string Transport,
    string SafetyPlan, TripState State, string? ReviewNote, bool MayNotRun, bool Reviews);

internal sealed record TripsView(IReadOnlyList<CourseLine> Courses, IReadOnlyList<TripLine> Trips, StudyTravelRules Rules);

/// <summary>
/// Study travel (研学旅行, 001-15 附件2 "制定我市中小学研学旅行基地标准…研学旅行基地"; 003-5 "制定研学旅行管理办法"): bases are
/// approved venues of the study-travel category, which offer courses; a school plans a trip on a course with its safety
/// plan (安全预案) and enough accompanying teachers (the rules' ratio); the district above the school approves or returns
/// it — a school never approves its own — and a trip may be recorded as run only once approved and begun.
/// </summary>
internal sealed class StudyTrips(GrowthDb db, GrowthAccess access, PracticeRules rules, OrgTree tree, TimeProvider clock, IStringLocalizer<GrowthText> t)
{
    public StudyTravelRules Rules => rules.StudyTravel;

    public async Task<TripsView> ViewAsync(CancellationToken ct)
    {
        var courses = await (from c in db.StudyCourses.AsNoTracking()
                             join v in db.Venues.AsNoTracking() on c.VenueId equals v.Id
                             where v.State == VenueState.Approved
                             orderby v.Name, c.Title
                             select new CourseLine(c.Id, v.Code, v.Name, c.Title, c.Stage, c.Days, c.Summary)).ToListAsync(ct);
        var schools = (await access.SchoolsAsync(Permissions.GrowthPractice, ct)).Select(s => s.Id).ToList();
        var trips = await db.StudyTrips.AsNoTracking().Where(x => schools.Contains(x.OrgUnitId)).OrderByDescending(x => x.Day).Take(200).ToListAsync(ct);
        var names = await tree.NamesOfAsync(trips.Select(x => x.OrgUnitId).Distinct(), ct);
        var today = CityDate.Today(clock);
        return new TripsView(courses, [.. trips.Select(x =>
        {
            var course = courses.FirstOrDefault(c => c.Id == x.CourseId);
            return new TripLine(x.Id, names.GetValueOrDefault(x.OrgUnitId, ""), course?.Venue ?? "", course?.Title ?? "", x.Day, x.Days, x.Students, x.Teachers,
                x.Transport, x.SafetyPlan, x.State, x.ReviewNote, x.State is TripState.Submitted or TripState.Returned && x.Day <= today, Reviews(x.OrgUnitId));
        })], rules.StudyTravel);
    }

    /// <summary>Adds a course to an approved study-travel base the caller keeps (its owning unit).</summary>
    public async Task<Outcome<long>> AddCourseAsync(string venueCode, NewCourse body, CancellationToken ct)
    {
        var code = venueCode.Trim().ToUpperInvariant();
        var venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Code == code, ct);
        if (venue is null || !await access.MayAsync(Permissions.GrowthPractice, venue.OwnerUnitId, ct))
        {
            return Outcome<long>.NotFound(t["Practice.NoVenue"]);
        }
        if (venue.State != VenueState.Approved || venue.Category != rules.StudyTravel.Category)
        {
            return Outcome<long>.Conflict(t["Trip.NotABase"]);
        }
        var errors = new InputErrors();
        var title = body.Title?.Trim() ?? "";
        var summary = body.Summary?.Trim() ?? "";
        if (title.Length is 0 or > 100)
        {
            errors.Add("title", t["Trip.Course.Title", 100]);
        }
        if (body.Stage is not ("Primary" or "JuniorSecondary" or "SeniorSecondary"))
        {
            errors.Add("stage", t["Trip.Course.Stage"]);
        }
        if (body.Days is not (> 0 and <= 10))
        {
            errors.Add("days", t["Trip.Days"]);
        }
        if (summary.Length is 0 or > 1000)
        {
            errors.Add("summary", t["Trip.Course.Summary", 1000]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var course = new StudyCourse
        {
            VenueId = venue.Id, Title = title, Stage = body.Stage!, Days = body.Days!.Value, Summary = summary, RecordedBy = access.ActorName, RecordedAt = clock.GetUtcNow(),
        };
        db.StudyCourses.Add(course);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(course.Id);
    }

    /// <summary>A school submits a trip with its safety plan; it waits for the district.</summary>
    public async Task<Outcome<long>> PlanAsync(string? schoolCode, NewTrip body, CancellationToken ct)
    {
        var schools = await access.SchoolsAsync(Permissions.GrowthPractice, ct);
        var school = schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode);
        if (school is null)
        {
            return Outcome<long>.NotFound(t["Trip.NoSchool"]);
        }
        var errors = new InputErrors();
        var course = body.CourseId is { } id ? await db.StudyCourses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) : null;
        if (course is null)
        {
            errors.Add("courseId", t["Trip.Course"]);
        }
        var today = CityDate.Today(clock);
        if (body.Day is not { } day || day <= today || day > today.AddDays(366))
        {
            errors.Add("day", t["Trip.Day"]);
        }
        if (body.Students is not (> 0 and <= 2000))
        {
            errors.Add("students", t["Trip.Students"]);
        }
        else if (body.Teachers is not { } teachers || teachers <= 0 || teachers * rules.StudyTravel.StudentsPerTeacher < body.Students)
        {
            errors.Add("teachers", t["Trip.Teachers", rules.StudyTravel.StudentsPerTeacher]);
        }
        var transport = body.Transport?.Trim() ?? "";
        if (transport.Length is 0 or > 100)
        {
            errors.Add("transport", t["Trip.Transport", 100]);
        }
        var plan = body.SafetyPlan?.Trim() ?? "";
        if (plan.Length < rules.StudyTravel.MinSafetyPlanLength || plan.Length > 4000)
        {
            errors.Add("safetyPlan", t["Trip.SafetyPlan", rules.StudyTravel.MinSafetyPlanLength]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var trip = new StudyTrip
        {
            OrgUnitId = school.Id, CourseId = course!.Id, Day = body.Day!.Value, Days = course.Days, Students = body.Students!.Value, Teachers = body.Teachers!.Value,
            Transport = transport, SafetyPlan = plan, State = TripState.Submitted, SubmittedBy = access.ActorName, SubmittedAt = clock.GetUtcNow(),
        };
        db.StudyTrips.Add(trip);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(trip.Id);
    }

    /// <summary>The district approves or returns a submitted trip (a reason to return); a school's own account is refused.</summary>
    public async Task<Outcome<TripState>> ReviewAsync(long id, TripReview body, CancellationToken ct)
    {
        var trip = await db.StudyTrips.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (trip is null || !await access.MayAsync(Permissions.GrowthPractice, trip.OrgUnitId, ct))
        {
            return Outcome<TripState>.NotFound(t["Trip.NotFound"]);
        }
        if (!Reviews(trip.OrgUnitId))
        {
            return Outcome<TripState>.Forbidden(t["Trip.DistrictOnly"]);
        }
        var note = body.Note?.Trim();
        if (body.Approve is not { } approve || !approve && note is not { Length: > 0 and <= 300 })
        {
            return Outcome<TripState>.Invalid(new InputErrors().Add(body.Approve is null ? "approve" : "note", t["Trip.Review"]));
        }
        if (trip.State != TripState.Submitted)
        {
            return Outcome<TripState>.Conflict(t["Trip.Reviewed"]);
        }
        (trip.State, trip.ReviewNote, trip.ReviewedBy, trip.ReviewedAt) = (approve ? TripState.Approved : TripState.Returned, note is { Length: > 0 } ? note : null,
            access.ActorName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome<TripState>.Ok(trip.State);
    }

    /// <summary>Records that a trip ran: only an approved trip whose day has come.</summary>
    public async Task<Outcome<TripState>> DoneAsync(long id, CancellationToken ct)
    {
        var trip = await db.StudyTrips.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (trip is null || !await access.MayAsync(Permissions.GrowthPractice, trip.OrgUnitId, ct))
        {
            return Outcome<TripState>.NotFound(t["Trip.NotFound"]);
        }
        if (trip.State != TripState.Approved)
        {
            return Outcome<TripState>.Conflict(t["Trip.NotApproved"]);
        }
        if (trip.Day > CityDate.Today(clock))
        {
            return Outcome<TripState>.Conflict(t["Trip.NotYet"]);
        }
        trip.State = TripState.Done;
        await db.SaveChangesAsync(ct);
        return Outcome<TripState>.Ok(trip.State);
    }

    /// <summary>Whether the caller reviews a school's trips: it holds the permission above the school, not at the school itself.</summary>
    private bool Reviews(int schoolId) => access.Caller.IsSystem || !access.Caller.RootsFor(Permissions.GrowthPractice).Contains(schoolId);
}
