using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Safety.Features.Overview;

/// <summary>Campus safety at a glance over HTTP (safety.read).</summary>
internal static class OverviewEndpoints
{
    public static IEndpointRouteBuilder MapOverviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/safety/", async (string? school, SafetyOverview overview, CancellationToken ct) => TypedResults.Ok(await overview.ViewAsync(school, ct)))
            .WithTags("Campus safety").RequireAuthorization(Permissions.SafetyRead)
            .WithSummary("Every school in scope with its open hazards, inspections, self-checks due, drills and licences; for one school (school: its code), the detail");
        return endpoints;
    }
}
