using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Teachers.Features.Rural;

/// <summary>Rural incentives over HTTP (<c>teachers.read</c>).</summary>
internal static class RuralEndpoints
{
    public static IEndpointRouteBuilder MapRuralEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/teachers/rural", async (string? school, RuralReport report, CancellationToken ct) => TypedResults.Ok(await report.ForScopeAsync(school, ct)))
            .RequireAuthorization(Permissions.TeachersRead).WithTags("Teachers (rotation)")
            .WithSummary("Rural incentives: schools by tier (城乡分类) with their full-time teachers and monthly subsidy; school: its teachers by name");
        return endpoints;
    }
}
