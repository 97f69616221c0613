using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Family.Resources;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.ParentCourses;

/// <summary>Parent courses from a parent's phone, over HTTP (the parent sign-in).</summary>
internal static class ParentCourseEndpoints
{
    public static IEndpointRouteBuilder MapParentCourseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var parents = endpoints.MapGroup("/api/parent/courses").WithTags("Family (parents)").RequireAuthorization(ParentAuthentication.Policy);
        parents.MapGet("/", async (ParentCourses courses, CancellationToken ct) => TypedResults.Ok(await courses.ListAsync(ct)))
            .WithSummary("The sessions of the parent's children's schools and the district and city above them this school year: seats left, the parent's seat, materials");
        parents.MapPost("/register", async (SeatInput body, ParentCourses courses, CancellationToken ct) => (await courses.RegisterAsync(body, ct)).ToOk(left => new { seatsLeft = left }))
            .WithSummary("Takes a seat at a session (course) before it starts: 409 when full, already held or started");
        parents.MapPost("/cancel", async (SeatInput body, ParentCourses courses, CancellationToken ct) => (await courses.CancelAsync(body, ct)).ToOk(n => new { cancelled = n }))
            .WithSummary("Gives the parent's seat back before the session starts");
        parents.MapGet("/{id:long}/materials/{material:long}", async (long id, long material, ParentCourses courses, IStringLocalizer<FamilyText> t, CancellationToken ct) =>
                await courses.OpenMaterialAsync(id, material, ct) is { } file
                    ? Results.File(file.Content, file.MediaType, file.FileName)
                    : TypedResults.Problem(t["Material.NotFound"], statusCode: 404))
            .WithSummary("Downloads a material of a session the parent may attend");
        return endpoints;
    }
}
