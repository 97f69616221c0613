using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Admissions.Materials;
using Qedu.Kernel.Access;

namespace Qedu.Admissions.Features.Review;

/// <summary>A family's file, opened by a reviewer whose scope holds the application (an audit line each time).</summary>
internal static class ReviewMaterialEndpoints
{
    public static IEndpointRouteBuilder MapReviewMaterialEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admissions/materials/{materialId:long}", async (long materialId, ApplicationMaterials materials, CancellationToken ct) =>
                await materials.OpenAsync(materialId, ct) is { } file
                    ? Results.File(file.Content, file.MediaType, file.FileName)
                    : Results.NotFound())
            .RequireAuthorization(Permissions.AdmissionsReview)
            .WithMetadata(new Qedu.Kernel.Audit.PersonalDataEndpointAttribute("AdmissionMaterial"))
            .ExcludeFromDescription();
        return endpoints;
    }
}
