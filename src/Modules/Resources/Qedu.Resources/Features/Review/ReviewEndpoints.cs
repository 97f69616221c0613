using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Resources.Features.Review;

/// <summary>Review of the library over HTTP: the queue, publish or send back, retire, reward.</summary>
internal static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/resources").WithTags("Resources (review)").RequireAuthorization(Permissions.ResourcesReview);
        group.MapGet("/review", async (ResourceReviews reviews, CancellationToken ct) => TypedResults.Ok(await reviews.QueueAsync(ct)))
            .WithSummary("Items waiting for the caller's review and the published items it reviews");
        group.MapPost("/items/{id:long}/review", async (long id, ReviewBody body, ResourceReviews reviews, CancellationToken ct) =>
                (await reviews.ReviewAsync(id, body.Approve, body.Note, ct)).ToOk(state => new { state }))
            .WithSummary("Publishes a pending item (approve: true) or sends it back (approve: false, note: why)");
        group.MapPost("/items/{id:long}/retire", async (long id, RetireBody body, ResourceReviews reviews, CancellationToken ct) =>
                (await reviews.RetireAsync(id, body.Reason, ct)).ToOk(state => new { state }))
            .WithSummary("Retires a published item (reason): it leaves search and is kept");
        group.MapPost("/items/{id:long}/award", async (long id, AwardBody body, ResourceReviews reviews, CancellationToken ct) =>
                (await reviews.AwardAsync(id, body.Award, ct)).ToOk(award => new { award }))
            .WithSummary("Rewards a published item (award: None, Featured, CityExcellent — 精品, the city's reviewers, items shared city-wide)");
        return endpoints;
    }
}
