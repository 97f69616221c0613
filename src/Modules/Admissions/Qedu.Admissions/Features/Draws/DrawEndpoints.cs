using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Qedu.Admissions.Features.Draws;

/// <summary>The public draw package of a drawn season, for anyone (no sign-in): nothing in it names a child.</summary>
internal static class DrawEndpoints
{
    public const string ZipMediaType = "application/zip";

    public static IEndpointRouteBuilder MapDrawEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admissions/draws/{code}/package.zip", async Task<Results<FileContentHttpResult, NotFound>> (
                string code, PublicDraws draws, CancellationToken ct) =>
                await draws.PackageAsync(code, ct) is { } zip
                    ? TypedResults.File(zip, ZipMediaType, $"draw-{code}.zip")
                    : TypedResults.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
