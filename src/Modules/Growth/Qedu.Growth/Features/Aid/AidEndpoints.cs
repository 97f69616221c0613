using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Growth.Features.Aid;

/// <summary>Student aid over HTTP (<c>growth.aid</c>): coverage and a school's lists, applications, the district's review, payments.</summary>
internal static class AidEndpoints
{
    public static IEndpointRouteBuilder MapAidEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var aid = endpoints.MapGroup("/api/growth/aid").WithTags("Growth (student aid)").RequireAuthorization(Permissions.GrowthAid);
        aid.MapGet("/", async (string? school, StudentAid service, CancellationToken ct) => TypedResults.Ok(await service.ViewAsync(school, ct)))
            .WithSummary("Coverage of students of families in hardship this school year by school; for a school, its eligible students without aid and its applications (named: audited)");
        aid.MapPost("/applications", async (NewAidApplication body, StudentAid service, CancellationToken ct) =>
                (await service.ApplyAsync(body, ct)).ToCreated(id => "/api/growth/aid", id => new { id }))
            .WithSummary("Applies for a student (studentNumber, scheme): eligible by the registry's flags, once a school year per scheme");
        aid.MapPost("/applications/{id:long}/review", async (long id, AidReview body, StudentAid service, CancellationToken ct) =>
                (await service.ReviewAsync(id, body, ct)).ToOk(state => new { state }))
            .WithSummary("Awards or refuses (award, note: required for a refusal); the district only");
        aid.MapPost("/applications/{id:long}/payments", async (long id, NewAidPayment body, StudentAid service, CancellationToken ct) =>
                (await service.PayAsync(id, body, ct)).ToCreated(p => "/api/growth/aid", p => new { id = p }))
            .WithSummary("Records a payment (paidOn, amount, method: bank-card, fee-waiver, in-kind) up to the award");
        return endpoints;
    }
}
