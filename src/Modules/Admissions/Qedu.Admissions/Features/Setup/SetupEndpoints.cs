using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;

namespace Qedu.Admissions.Features.Setup;

/// <summary>
/// A season's zone list as a spreadsheet in the import's own format (the empty template before any import). Zones are
/// published to families, so any admissions officer may download any season's, to compare with their own.
/// </summary>
internal static class SetupEndpoints
{
    public static IEndpointRouteBuilder MapSetupEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admissions/seasons/{id:long}/zones.xlsx", async (long id, SeasonRules seasons, ZoneListImport zones, CancellationToken ct) =>
            {
                if (await seasons.FindAsync(id, ct) is null)
                {
                    return Results.NotFound();
                }
                var buffer = new MemoryStream();
                await zones.WriteAsync(id, buffer, ct);
                buffer.Position = 0;
                return Results.File(buffer, TableFormats.XlsxMediaType, $"zones-{id}.xlsx");
            })
            .RequireAuthorization(Permissions.AdmissionsReview)
            .ExcludeFromDescription();
        return endpoints;
    }
}
