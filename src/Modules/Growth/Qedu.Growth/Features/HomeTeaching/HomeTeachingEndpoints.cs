using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Growth.Features.HomeTeaching;

/// <summary>Teaching at home (送教上门) over HTTP (<c>growth.care</c>): figures and a school's plans, plans, visits.</summary>
internal static class HomeTeachingEndpoints
{
    public static IEndpointRouteBuilder MapHomeTeachingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var home = endpoints.MapGroup("/api/growth/home-teaching").WithTags("Growth (teaching at home)").RequireAuthorization(Permissions.GrowthCare);
        home.MapGet("/", async (string? school, HomeTeaching service, CancellationToken ct) => TypedResults.Ok(await service.ViewAsync(school, ct)))
            .WithSummary("Plans by school (open, kept last month, visits and hours this month); for a school, its plans and the students with a disability without one (named: audited)");
        home.MapPost("/plans", async (NewHomePlan body, HomeTeaching service, CancellationToken ct) =>
                (await service.StartAsync(body, ct)).ToCreated(id => "/api/growth/home-teaching", id => new { id }))
            .WithSummary("Starts a plan (studentId, reason, teachers, visitsPerMonth, hoursPerVisit, startsOn) for a student with a disability; one open plan per child");
        home.MapPost("/plans/{id:long}/visits", async (long id, NewHomeVisit body, HomeTeaching service, CancellationToken ct) =>
                (await service.VisitAsync(id, body, ct)).ToCreated(v => "/api/growth/home-teaching", v => new { id = v }))
            .WithSummary("Records a visit (day, teachers, hours, content)");
        home.MapPost("/plans/{id:long}/end", async (long id, HomeTeaching service, CancellationToken ct) =>
                (await service.EndAsync(id, ct)).ToOk(p => new { id = p }))
            .WithSummary("Ends a plan; its visits are kept");
        return endpoints;
    }
}
