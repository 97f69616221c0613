using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Inspection.Features.Experts;

/// <summary>The expert and agency library over HTTP: read (inspection.read), add (inspection.manage).</summary>
internal static class ExpertEndpoints
{
    public static IEndpointRouteBuilder MapExpertEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/inspection/experts").WithTags("Inspection (督导)").RequireAuthorization(Permissions.InspectionRead);
        group.MapGet("/", async (string? field, ExpertLibrary library, CancellationToken ct) => TypedResults.Ok(await library.ListAsync(field, ct)))
            .WithSummary("The experts and third-party agencies in scope (field: words in the field or name)");
        group.MapPost("/", async (ExpertInput body, ExpertLibrary library, CancellationToken ct) =>
                (await library.AddAsync(body, ct)).ToCreated(_ => "/api/inspection/experts", id => new { id }))
            .RequireAuthorization(Permissions.InspectionManage)
            .WithSummary("Adds an expert or agency (kind: Expert or Agency; name; field; organisation) to the caller's bureau's library");
        return endpoints;
    }
}
