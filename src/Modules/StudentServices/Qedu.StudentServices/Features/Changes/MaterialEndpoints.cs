using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.StudentServices.Features.Changes;

/// <summary>
/// A change's files: over the API (multipart <c>file</c> and <c>name</c>: 201 with the row, or 400 naming the field), and
/// from the change's pages (a plain form, no script: the answer sends the browser back to the page, which names what was
/// refused). The guardian's side under <c>/api/services/my</c> and <c>/parent/services</c>; the reviewers' under
/// <c>/api/services</c> and <c>/services/changes</c>.
/// </summary>
internal static class MaterialEndpoints
{
    public static IEndpointRouteBuilder MapMaterialEndpoints(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints.MapGroup("/api/services/my").RequireAuthorization(ParentAuthentication.Policy).WithTags("Student services (guardians)"),
            endpoints.MapGroup("/parent/services").RequireAuthorization(ParentAuthentication.Policy).ExcludeFromDescription(), "/api/services/my", "/parent/services");
        Map(endpoints.MapGroup("/api/services").RequireAuthorization(Permissions.StatusChangesReview).WithTags("Student services (reviewers)"),
            endpoints.MapGroup("/services/changes").RequireAuthorization(Permissions.StatusChangesReview).ExcludeFromDescription(), "/api/services", "/services/changes");
        return endpoints;
    }

    private static void Map(RouteGroupBuilder api, RouteGroupBuilder pages, string apiPrefix, string page)
    {
        api.MapPost("/changes/{id:long}/materials", async (long id, [FromForm] string? name, IFormFile? file, ChangeMaterials materials, CancellationToken ct) =>
            {
                await using var content = file?.OpenReadStream();
                var added = await materials.AddAsync(id, name, file?.FileName, file?.Length ?? 0, content, ct);
                return added.IsOk ? Results.Created($"{apiPrefix}/materials/{added.Value!.Id}", added.Value) : added.ToHttp();
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ChangeMaterials.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ChangeMaterials.MaxRequestBytes })
            .Produces<MaterialRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a file (PDF, JPEG or PNG, at most 10 MB, 10 per change) to an open change of the caller's side: multipart file and name");
        api.MapGet("/materials/{materialId:long}", OpenAsync)
            .WithSummary("A change's file, for the guardian who asked and the units of its route (each opening by staff is audited)");
        api.MapDelete("/materials/{materialId:long}", async (long materialId, ChangeMaterials materials, CancellationToken ct) =>
            {
                var removed = await materials.RemoveAsync(materialId, ct);
                return removed.IsOk ? Results.NoContent() : removed.ToHttp();
            })
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Remove a file of the caller's side while the change is open");

        pages.MapPost("/{id:long}/materials", async (long id, [FromForm] string? name, IFormFile? file, ChangeMaterials materials, CancellationToken ct) =>
            {
                await using var content = file?.OpenReadStream();
                var added = await materials.AddAsync(id, name, file?.FileName, file?.Length ?? 0, content, ct);
                return added.Kind == OutcomeKind.NotFound ? Results.NotFound()
                    : added.IsOk ? Results.Redirect($"{page}/{id}#materials")
                    : Results.Redirect($"{page}/{id}?material={Uri.EscapeDataString(added.Message ?? added.Errors!.ByField.Values.SelectMany(v => v).First())}#materials");
            })
            .WithMetadata(new RequestSizeLimitAttribute(ChangeMaterials.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ChangeMaterials.MaxRequestBytes });
        pages.MapPost("/materials/{materialId:long}/remove", async (long materialId, ChangeMaterials materials, HttpContext context, CancellationToken ct) =>
        {
            // The antiforgery middleware only records its verdict; a handler that binds no form acts on it itself.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.BadRequest();
            }
            var removed = await materials.RemoveAsync(materialId, ct);
            return removed.Kind switch
            {
                OutcomeKind.Ok => Results.Redirect($"{page}/{removed.Value}#materials"),
                OutcomeKind.Conflict => Results.Conflict(),
                _ => Results.NotFound(),
            };
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        pages.MapGet("/materials/{materialId:long}", OpenAsync);
    }

    private static async Task<IResult> OpenAsync(long materialId, ChangeMaterials materials, StatusChangeFlow flow, CancellationToken ct) =>
        await materials.OpenAsync(materialId, flow, ct) is { } file ? Results.File(file.Content, file.MediaType, file.FileName) : Results.NotFound();
}
