using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Facilities.Features.Zones;

/// <summary>Planning zones, their history and the births file over HTTP.</summary>
internal static class ZoneEndpoints
{
    public static IEndpointRouteBuilder MapZoneEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/facilities").WithTags("Facilities (zones)").RequireAuthorization(Permissions.FacilitiesRead);
        read.MapGet("/zones", async (string? district, FacilityZones zones, CancellationToken ct) => (await zones.ListAsync(district, ct)).ToTypedResult())
            .WithSummary("The planning zones of a district (or of every district of the city), their schools and how much history they hold");

        var manage = endpoints.MapGroup("/api/facilities").WithTags("Facilities (zones)").RequireAuthorization(Permissions.FacilitiesManage);
        manage.MapPost("/zones", async (string? district, ZoneInput body, FacilityZones zones, CancellationToken ct) =>
                (await zones.SaveAsync(district, body, ct)).ToOk(id => new { id }))
            .WithSummary("Creates or updates a zone of the district (code, name, gradeOneSchools, gradeSevenSchools: school codes)");
        manage.MapPut("/zones/{code}/history", async (string code, HistoryInput body, FacilityZones zones, CancellationToken ct) =>
                (await zones.SetHistoryAsync(code, body, ct)).ToOk(rows => new { rows }))
            .WithSummary("Writes a zone's enrolment (year, grade 1-9, pupils), housing (year, dwellings) and migration adjustment (year, grade 1 or 7, children: net, negative for an outflow; 0 removes it) rows, replacing those of the same year (and grade)");
        manage.MapPost("/births/import", async Task<Results<Ok<BirthsImportReport>, BadRequest<BirthsImportReport>>> (
                [FromForm] bool? dryRun, [FromForm] string? source, IFormFile? file, BirthsImport import, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream();
                var report = await import.ImportAsync(file?.FileName, stream, file?.Length ?? 0, source, dryRun == true, ct);
                return report.Ok ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(BirthsImport.MaxFileBytes + (1 << 20)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = BirthsImport.MaxFileBytes + (1 << 20) })
            .WithSummary("Imports the health authorities' births file (multipart file: 学区代码,出生年份,出生人数; source; dryRun): all written or none (400 naming each file, row and column)");
        return endpoints;
    }
}
