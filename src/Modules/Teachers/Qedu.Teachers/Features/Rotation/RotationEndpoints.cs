using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Teachers.Features.Rotation;

/// <summary>Rotation plans over HTTP.</summary>
internal static class RotationEndpoints
{
    public static IEndpointRouteBuilder MapRotationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/teachers").WithTags("Teachers (rotation)").RequireAuthorization(Permissions.TeachersRead);
        read.MapGet("/rotation", async (string? district, int? year, RotationPlans plans, CancellationToken ct) => TypedResults.Ok(await plans.PlanAsync(district, year, ct)))
            .WithSummary("A district's rotation plan for a year (after 31 August, next year's when none; the first district with a plan when none is asked): the quota, the moves, those due (the first 500), the district's schools");

        var manage = endpoints.MapGroup("/api/teachers/rotation").WithTags("Teachers (rotation)").RequireAuthorization(Permissions.TeachersManage);
        manage.MapPost("/moves", async (NewMove body, RotationPlans plans, CancellationToken ct) =>
                (await plans.ProposeAsync(body, ct)).ToCreated(id => "/api/teachers/rotation", id => new NewId(id)))
            .WithSummary("Proposes a move: staffId (due to rotate), toSchool (a school code of the same district), effectiveOn (from today to a year on)");
        manage.MapPost("/moves/{moveId:long}/approve", async (long moveId, RotationPlans plans, CancellationToken ct) => (await plans.ApproveAsync(moveId, ct)).ToTypedResult())
            .WithSummary("Approves a proposed move (the district above the school); made at once when its day has come");
        manage.MapPost("/moves/{moveId:long}/withdraw", async (long moveId, RotationPlans plans, CancellationToken ct) => (await plans.WithdrawAsync(moveId, ct)).ToTypedResult())
            .WithSummary("Withdraws a move not yet made");
        manage.MapPost("/{district}/apply", async (string district, RotationPlans plans, CancellationToken ct) => (await plans.ApplyDueAsync(district, ct)).ToTypedResult())
            .WithSummary("Makes the district's approved moves whose day has come: the registry's staff record moves with its history, and the teacher's records follow");
        return endpoints;
    }
}
