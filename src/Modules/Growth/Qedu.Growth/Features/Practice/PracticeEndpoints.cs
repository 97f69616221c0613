using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Growth.Features.Practice;

/// <summary>Social classrooms over HTTP: the catalogue (<c>growth.read</c>), venues, sessions and bookings (<c>growth.practice</c>), a guardian's check-in.</summary>
internal static class PracticeEndpoints
{
    public static IEndpointRouteBuilder MapPracticeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/growth").WithTags("Growth (social classrooms)").RequireAuthorization(Permissions.GrowthRead);
        read.MapGet("/practice", async (SocialClassrooms classrooms, CancellationToken ct) => TypedResults.Ok(await classrooms.CatalogueAsync(ct)))
            .WithSummary("Approved venues with their upcoming sessions (places booked, and by the caller's school), proposals the caller approves");

        var keep = endpoints.MapGroup("/api/growth/practice").WithTags("Growth (social classrooms)").RequireAuthorization(Permissions.GrowthPractice);
        keep.MapPost("/venues", async (NewVenue body, SocialClassrooms classrooms, CancellationToken ct) =>
                (await classrooms.AddVenueAsync(body, ct)).ToCreated(code => "/api/growth/practice", code => new { code }))
            .WithSummary("Adds a venue (code, name, category, level, standardMet, capacity, address, latitude, longitude): approved at the caller's level, proposed to the level above");
        keep.MapPost("/venues/{code}/approve", async (string code, SocialClassrooms classrooms, CancellationToken ct) =>
                (await classrooms.ApproveAsync(code, ct)).ToTypedResult())
            .WithSummary("Approves a proposed venue (the unit of its level; it must meet the entry standard)");
        keep.MapPost("/venues/{code}/sessions", async (string code, NewSession body, SocialClassrooms classrooms, CancellationToken ct) =>
                (await classrooms.AddSessionAsync(code, body, ct)).ToCreated(id => "/api/growth/practice", id => new { id }))
            .WithSummary("Adds a session (title, day, starts, ends, capacity) to an approved venue the caller keeps");
        keep.MapPost("/sessions/{id:long}/bookings", async (long id, NewBooking body, SocialClassrooms classrooms, CancellationToken ct) =>
                (await classrooms.BookAsync(id, body, ct)).ToCreated(b => "/api/growth/practice", b => new { id = b }))
            .WithSummary("Books places (and a class) in a session for the caller's school; 409 when the places left are fewer");
        keep.MapGet("/sessions/{id:long}/check-in-code", async (long id, SocialClassrooms classrooms, IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                (await classrooms.CheckInCodeAsync(id, ct) is { } code
                    ? Outcome<object>.Ok(new { code.Session, code.Link }) : Outcome<object>.NotFound(t["Practice.NoSession"])).ToTypedResult())
            .WithSummary("The check-in link a session's QR code carries (the venue's keeper or a school that booked it)");

        keep.MapGet("/trips", async (StudyTrips trips, CancellationToken ct) => TypedResults.Ok(await trips.ViewAsync(ct)))
            .WithSummary("Study-travel courses at approved bases, and the trips of the caller's schools with their state");
        keep.MapPost("/venues/{code}/courses", async (string code, NewCourse body, StudyTrips trips, CancellationToken ct) =>
                (await trips.AddCourseAsync(code, body, ct)).ToCreated(id => "/api/growth/practice/trips", id => new { id }))
            .WithSummary("Adds a course (title, stage, days, summary) to an approved study-travel base the caller keeps");
        keep.MapPost("/trips", async (string? school, NewTrip body, StudyTrips trips, CancellationToken ct) =>
                (await trips.PlanAsync(school, body, ct)).ToCreated(id => "/api/growth/practice/trips", id => new { id }))
            .WithSummary("A school submits a study trip (courseId, day, students, teachers, transport, safetyPlan) for the district's approval");
        keep.MapPost("/trips/{id:long}/review", async (long id, TripReview body, StudyTrips trips, CancellationToken ct) =>
                (await trips.ReviewAsync(id, body, ct)).ToOk(state => new { state }))
            .WithSummary("The district approves or returns a trip (approve, note: required to return); a school's own account gets 403");
        keep.MapPost("/trips/{id:long}/done", async (long id, StudyTrips trips, CancellationToken ct) =>
                (await trips.DoneAsync(id, ct)).ToOk(state => new { state }))
            .WithSummary("Records that an approved trip ran (its day has come); 409 for a trip without an approved safety plan");

        var parents = endpoints.MapGroup("/api/parent/practice").WithTags("Growth (guardians)").RequireAuthorization(ParentAuthentication.Policy);
        parents.MapGet("/", async (SocialClassrooms classrooms, CancellationToken ct) => TypedResults.Ok(await classrooms.ChildrenAsync(ct)))
            .WithSummary("The signed-in guardian's children with their practice days this school year");
        parents.MapPost("/check-in", async (CheckInRequest body, SocialClassrooms classrooms, CancellationToken ct) =>
                (await classrooms.CheckInAsync(body, ct)).ToOk(days => new { days }))
            .WithSummary("Checks a child in at a session (session, token from the QR code, studentId): the child's practice days this school year");
        return endpoints;
    }
}
