using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Safety.Features.Readiness;

/// <summary>A school's drills, security teams and canteens over HTTP (safety.manage over the school).</summary>
internal static class ReadinessEndpoints
{
    public static IEndpointRouteBuilder MapReadinessEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/safety").WithTags("Campus safety (readiness)").RequireAuthorization(Permissions.SafetyManage);
        group.MapPost("/drills", async (string? school, DrillInput body, SafetyReadiness readiness, CancellationToken ct) =>
                (await readiness.AddDrillAsync(school, body, ct)).ToCreated(_ => $"/api/safety/?school={school}", id => new { id }))
            .WithSummary("Records a drill (kind: fire, earthquake, evacuation, counter-terror, flood, food; on; participants; problems)");
        group.MapPut("/teams", async (string? school, TeamInput body, SafetyReadiness readiness, CancellationToken ct) =>
                (await readiness.SetTeamAsync(school, body, ct)).ToOk(id => new { id }))
            .WithSummary("Sets one of the three security teams (kind: guards, officers, volunteers; members; leader)");
        group.MapPost("/canteens", async (string? school, CanteenInput body, SafetyReadiness readiness, CancellationToken ct) =>
                (await readiness.AddCanteenAsync(school, body, ct)).ToCreated(_ => $"/api/safety/?school={school}", id => new { id }))
            .WithSummary("Adds a canteen (name, licenceNumber, licenceExpires, standard, seats)");
        return endpoints;
    }
}
