using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Ratings;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Features.Ratings;

/// <summary>A rating given over the API: 1 to 5 stars and a comment (needed with 1 or 2).</summary>
internal sealed record RatingRequest(int Score, string? Comment);

/// <summary>A unit's answer to a poor rating.</summary>
internal sealed record CaseAnswerRequest(string? Answer);

/// <summary>
/// 好差评 over HTTP: the guardian rates a finished change (<c>/api/services/my/changes/{id}/rating</c>); the units see
/// and answer the poor ratings (<c>/api/services/rating-cases</c>).
/// </summary>
internal static class RatingEndpoints
{
    public static IEndpointRouteBuilder MapRatingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/services/my/changes/{id:long}/rating", async (long id, RatingRequest? body, ServiceRatings ratings,
                IStringLocalizer<ServicesText> t, CancellationToken ct) =>
            {
                if (body is null)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [t["Request.Body"]] });
                }
                var outcome = await ratings.RateAsync(id, body.Score, body.Comment, ct);
                return outcome.IsOk ? Results.Created($"/api/services/my/changes/{id}", await ratings.OfChangeAsync(id, ct)) : outcome.ToHttp();
            })
            .RequireAuthorization(ParentAuthentication.Policy)
            .WithTags("Student services (guardians)")
            .Produces<RatingView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rate a finished change (好差评), once: 1 to 5; a 1 or 2 needs a comment and opens a case the district answers within 5 working days");

        var staff = endpoints.MapGroup("/api/services").WithTags("Student services (reviewers)").RequireAuthorization(Permissions.StatusChangesReview);
        staff.MapGet("/rating-cases", async (ServiceRatings ratings, CancellationToken ct) => Results.Ok(await ratings.CasesAsync(ct)))
            .Produces<IReadOnlyList<RatingCaseView>>()
            .WithSummary("The poor ratings the caller's units must answer (and those answered in the last 90 days), unanswered and soonest due first");
        staff.MapPost("/rating-cases/{id:long}/answer", async (long id, CaseAnswerRequest? body, ServiceRatings ratings, CancellationToken ct) =>
            {
                var outcome = await ratings.AnswerAsync(id, body?.Answer, ct);
                return outcome.IsOk ? Results.Ok(outcome.Value) : outcome.ToHttp();
            })
            .Produces<RatingCaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Answer a poor rating of the caller's unit, once; the applicant reads it on the change");
        return endpoints;
    }
}
