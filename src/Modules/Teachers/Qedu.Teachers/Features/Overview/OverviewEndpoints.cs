using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Teachers.Features.Overview;

internal static class OverviewEndpoints
{
    public static IEndpointRouteBuilder MapOverviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/teachers/overview", async (TeacherOverview overview, CancellationToken ct) => TypedResults.Ok(await overview.ForScopeAsync(ct)))
            .RequireAuthorization(Permissions.TeachersRead)
            .WithTags("Teachers")
            .WithSummary("The caller's teachers at a glance: full-time teachers, certificate coverage, registrations due and past due (the first 50 listed), backbone teachers by level, studios");
        return endpoints;
    }
}
