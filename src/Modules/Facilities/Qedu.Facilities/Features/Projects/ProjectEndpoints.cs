using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Facilities.Features.Projects;

/// <summary>Construction projects over HTTP.</summary>
internal static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/facilities/projects", async (string? district, FacilityProjects projects, CancellationToken ct) => (await projects.ListAsync(district, ct)).ToTypedResult())
            .WithTags("Facilities (projects)").RequireAuthorization(Permissions.FacilitiesRead)
            .WithSummary("The construction projects of a district or the city, with their milestones");
        endpoints.MapPost("/api/facilities/projects", async (string? district, ProjectInput body, FacilityProjects projects, CancellationToken ct) =>
                (await projects.CreateAsync(district, body, ct)).ToCreated(_ => $"/api/facilities/projects?district={district}", id => new { id }))
            .WithTags("Facilities (projects)").RequireAuthorization(Permissions.FacilitiesManage)
            .WithSummary("Adds a project (name; kind: New, Expansion, Renovation; zone; school; gradeOneSeats; gradeSevenSeats; totalSeats; budgetWan; openingYear; planTask; milestones: name, dueOn, doneOn)");
        return endpoints;
    }
}
