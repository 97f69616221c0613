using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Surveys.Resources;

namespace Qedu.Surveys.Features.Results;

/// <summary>A survey's results over HTTP (<c>surveys.read</c>), as far as the caller sees, small cells withheld.</summary>
internal static class ResultsEndpoints
{
    public static IEndpointRouteBuilder MapResultsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/surveys/{code}/results", async Task<Results<Ok<SurveyResultsView>, ProblemHttpResult>> (string code, SurveyResults results,
                IStringLocalizer<SurveysText> t, CancellationToken ct) =>
                await results.ForAsync(code, ct) is { } view
                    ? TypedResults.Ok(view)
                    : TypedResults.Problem(t["Survey.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.SurveysRead)
            .WithTags("Surveys")
            .WithSummary("A survey's results for the caller's units: the whole, each district, each school (fewer than 10 responses: the count only), per dimension and item; the comments once closed");
        endpoints.MapPost("/api/surveys/{code}/close", async (string code, SurveyClosing closing, CancellationToken ct) => (await closing.CloseAsync(code, ct)).ToNoContent())
            .RequireAuthorization(Permissions.SurveysManage)
            .WithTags("Surveys")
            .WithSummary("Closes a running survey now: no more answers; its comments become readable. Only the bureau that runs it");
        return endpoints;
    }
}
