using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Rectifications.Items;

namespace Qedu.Rectifications.Features.Board;

/// <summary>The rectification board over HTTP (<c>rectification.read</c>): the items in scope, filtered, with the counts per unit.</summary>
internal static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/rectifications").WithTags("Rectifications (整改)").RequireAuthorization();
        group.MapGet("/", async (string? state, string? kind, string? unit, RectificationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(new RectificationFilter(state, kind, unit), ct: ct)))
            .RequireAuthorization(Permissions.RectificationRead)
            .WithSummary("Rectifications in the caller's scope (state: open, overdue, fixed, recheck, closed, serious, all; kind: the source kind; unit: a unit's code) with counts per responsible unit");
        return endpoints;
    }
}
