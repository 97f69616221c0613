using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Draws;

/// <summary>The public draw package of a drawn season, for anyone (no sign-in): nothing in it names a child.</summary>
internal static class DrawEndpoints
{
    public const string ZipMediaType = "application/zip";

    public static IEndpointRouteBuilder MapDrawEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admissions/draws/{code}/package.zip", async Task<IResult> (
                string code, HttpContext http, PublicDraws draws, CancellationToken ct) =>
            {
                if (await draws.FindAsync(code, ct) is not { Digests: { } } draw)
                {
                    return TypedResults.NotFound();
                }
                // A drawn season's package never changes: caches (the browser's, a proxy's) may keep it, and a client
                // that has it revalidates without Qedu reading and zipping the files again.
                var etag = PublicDraws.PackageTag(draw);
                http.Response.Headers.CacheControl = "public, max-age=3600";
                http.Response.Headers.ETag = etag;
                if (EntityTags.Matches(http.Request, etag))
                {
                    return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                }
                return await draws.PackageAsync(draw, ct) is { } zip
                    ? TypedResults.File(zip, ZipMediaType, $"draw-{code}.zip")
                    : TypedResults.NotFound();
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
