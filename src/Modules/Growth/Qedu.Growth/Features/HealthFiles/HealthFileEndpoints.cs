using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Qedu.Growth.Health;
using Qedu.Kernel.Access;

namespace Qedu.Growth.Features.HealthFiles;

/// <summary>The health files over HTTP (<c>growth.health</c>): a fitness test file, a vision screening file.</summary>
internal static class HealthFileEndpoints
{
    public static IEndpointRouteBuilder MapHealthFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var keep = endpoints.MapGroup("/api/growth").WithTags("Growth (health files)").RequireAuthorization(Permissions.GrowthHealth);
        keep.MapPost("/fitness/import", async Task<Results<Ok<HealthImportReport>, BadRequest<HealthImportReport>>> (
                [FromForm] bool? dryRun, [FromForm] DateOnly? testedOn, IFormFile? file, FitnessImport import, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream();
                var report = await import.ImportAsync(file?.FileName, stream, file?.Length ?? 0, testedOn, dryRun == true, ct);
                return report.Ok ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(HealthFile.MaxFileBytes + (1 << 20)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = HealthFile.MaxFileBytes + (1 << 20) })
            .WithSummary("Imports a fitness file (multipart file: 学籍号 and the standard's items; testedOn; dryRun): scored by the standard, all written or none (400 naming each row and column)");
        keep.MapPost("/vision/import", async Task<Results<Ok<HealthImportReport>, BadRequest<HealthImportReport>>> (
                [FromForm] bool? dryRun, [FromForm] DateOnly? screenedOn, IFormFile? file, VisionImport import, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream();
                var report = await import.ImportAsync(file?.FileName, stream, file?.Length ?? 0, screenedOn, dryRun == true, ct);
                return report.Ok ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(HealthFile.MaxFileBytes + (1 << 20)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = HealthFile.MaxFileBytes + (1 << 20) })
            .WithSummary("Imports a vision screening file (multipart file: 学籍号,左眼裸眼视力,右眼裸眼视力[,左眼等效球镜,右眼等效球镜,戴镜]; screenedOn; dryRun): all written or none");
        return endpoints;
    }
}
