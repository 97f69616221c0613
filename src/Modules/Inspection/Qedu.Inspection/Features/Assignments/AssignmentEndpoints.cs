using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Inspection.Features.Assignments;

/// <summary>Responsible inspectors (挂牌督导) over HTTP: the overview (inspection.read), an assignment (inspection.manage over the district).</summary>
internal static class AssignmentEndpoints
{
    public static IEndpointRouteBuilder MapAssignmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/inspection").WithTags("Inspection (督导)").RequireAuthorization(Permissions.InspectionRead);
        group.MapGet("/", async (InspectorAssignments assignments, CancellationToken ct) => TypedResults.Ok(await assignments.OverviewAsync(ct)))
            .WithSummary("Every school in scope with its responsible inspector, visits and open findings; the district's inspectors and their schools");
        group.MapPost("/assignments", async (AssignInput body, InspectorAssignments assignments, CancellationToken ct) =>
                (await assignments.AssignAsync(body, ct)).ToOk(id => new { id }))
            .RequireAuthorization(Permissions.InspectionManage)
            .WithSummary("Makes an inspector of the district (inspector: the account's user name) the school's responsible inspector (school: its code), ending the previous one");
        return endpoints;
    }
}
