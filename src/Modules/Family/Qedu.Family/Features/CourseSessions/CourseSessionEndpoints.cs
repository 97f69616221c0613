using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Family.Courses;
using Qedu.Family.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.CourseSessions;

/// <summary>Parent courses as the organisers keep them, over HTTP: the sessions (family-school.read), putting one on, materials and attendance (family-school.manage).</summary>
internal static class CourseSessionEndpoints
{
    public static IEndpointRouteBuilder MapCourseSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/family/courses").WithTags("Family (parent courses)").RequireAuthorization(Permissions.FamilySchoolRead);
        read.MapGet("/", async (CourseSessions sessions, CancellationToken ct) => TypedResults.Ok(await sessions.OverviewAsync(ct)))
            .WithSummary("The parent-course sessions organised in scope this school year, upcoming and past, with seats, attendance and the year's figures");
        read.MapGet("/{id:long}", async (long id, CourseSessions sessions, CancellationToken ct) => (await sessions.DetailAsync(id, ct)).ToTypedResult())
            .WithSummary("A session with its seats (numbers masked, the child's school, attended) and materials");
        read.MapGet("/{id:long}/materials/{material:long}", async (long id, long material, CourseSessions sessions, IStringLocalizer<FamilyText> t, CancellationToken ct) =>
                await sessions.OpenMaterialAsync(id, material, ct) is { } file
                    ? Results.File(file.Content, file.MediaType, file.FileName)
                    : TypedResults.Problem(t["Material.NotFound"], statusCode: 404))
            .WithSummary("Downloads a session's material file");

        var manage = endpoints.MapGroup("/api/family/courses").WithTags("Family (parent courses)").RequireAuthorization(Permissions.FamilySchoolManage);
        manage.MapPost("/", async (string? unit, SessionInput body, CourseSessions sessions, CancellationToken ct) =>
                (await sessions.AddAsync(unit, body, ct)).ToCreated(id => $"/api/family/courses/{id}", id => new NewId(id)))
            .WithSummary("Puts on a session for a unit (unit: a school, district or city code; the caller's own by default): title, speaker, summary, day, starts, ends, place, capacity");
        manage.MapPut("/{id:long}/attendance", async (long id, AttendanceInput body, CourseSessions sessions, CancellationToken ct) =>
                (await sessions.AttendanceAsync(id, body, ct)).ToOk(n => new { present = n }))
            .WithSummary("Takes the attendance on the session's day or after (present: seat ids; the other seats absent); again replaces it");
        manage.MapPost("/{id:long}/materials", async (long id, HttpRequest request, CourseSessions sessions, IStringLocalizer<FamilyText> t, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return TypedResults.Problem(t["Material.Body"], statusCode: StatusCodes.Status415UnsupportedMediaType);
                }
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                await using var content = file?.OpenReadStream();
                var upload = file is null ? null : new MaterialUpload(file.FileName, file.Length, content!);
                return (await sessions.AddMaterialAsync(id, new MaterialInput(form["title"], form["url"]), upload, ct))
                    .ToCreated(m => $"/api/family/courses/{id}/materials/{m}", m => new NewId(m)).Result;
            })
            // Staff sign in by a SameSite cookie or a bearer token; the session page posts its own form with its token.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(CourseFiles.MaxBytes + (1 << 20)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = CourseFiles.MaxBytes + (1 << 20) })
            .WithSummary("Adds a material (multipart: title, and file — PDF, Word, PowerPoint, MP4, PNG, JPEG — or url)");
        return endpoints;
    }
}
