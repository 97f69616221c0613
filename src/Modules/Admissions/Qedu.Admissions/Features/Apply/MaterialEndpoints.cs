using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Qedu.Admissions.Materials;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Apply;

/// <summary>
/// The family's files, posted from their application's page (a plain form: a phone needs no script to upload). Each
/// answer sends the browser back to the page, which names what was refused.
/// </summary>
internal static class MaterialEndpoints
{
    public static IEndpointRouteBuilder MapMaterialEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var parent = endpoints.MapGroup("/parent/admissions").RequireAuthorization(ParentAuthentication.Policy).ExcludeFromDescription();
        parent.MapPost("/{id:long}/materials", async (long id, [FromForm] string? kind, IFormFile? file, ApplicationMaterials materials, CancellationToken ct) =>
            {
                await using var content = file?.OpenReadStream();
                var added = await materials.AddAsync(id, kind, file?.FileName, file?.Length ?? 0, content, ct);
                return added is null ? Results.NotFound()
                    : added.Value.Problem is { } problem ? Results.Redirect($"/parent/admissions/{id}?material={problem}#materials")
                    : Results.Redirect($"/parent/admissions/{id}?material=Added#materials");
            })
            .WithMetadata(new RequestSizeLimitAttribute(ApplicationMaterials.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ApplicationMaterials.MaxRequestBytes });
        parent.MapPost("/materials/{materialId:long}/remove", async (long materialId, ApplicationMaterials materials, HttpContext context, CancellationToken ct) =>
        {
            // The antiforgery middleware only records its verdict; a handler that binds no form acts on it itself.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.BadRequest();
            }
            var removed = await materials.RemoveAsync(materialId, ct);
            return removed.Kind switch
            {
                OutcomeKind.Ok => Results.Redirect($"/parent/admissions/{removed.Value}#materials"),
                OutcomeKind.Conflict => Results.Conflict(),
                _ => Results.NotFound(),
            };
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        parent.MapGet("/materials/{materialId:long}", async (long materialId, ApplicationMaterials materials, CancellationToken ct) =>
            await materials.OpenAsync(materialId, ct) is { } file
                ? Results.File(file.Content, file.MediaType, file.FileName)
                : Results.NotFound());
        return endpoints;
    }
}
