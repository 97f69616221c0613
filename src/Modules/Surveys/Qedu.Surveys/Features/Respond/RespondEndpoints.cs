using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Web;

namespace Qedu.Surveys.Features.Respond;

/// <summary>The answers to a one-time link, for an app rather than the page: by item number, "1".."5" or a comment.</summary>
internal sealed record SurveySubmission(Dictionary<int, string?>? Answers);

/// <summary>The anonymous side over HTTP: what a link asks, and its answers. No sign-in: the link is the only key.</summary>
internal static class RespondEndpoints
{
    public static IEndpointRouteBuilder MapRespondEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/surveys/respond").WithTags("Surveys").AllowAnonymous();
        group.MapGet("/{link}", async (string link, SurveyAnswers answers, CancellationToken ct) => TypedResults.Ok(await answers.OpenAsync(link, ct)))
            .RequireRateLimiting(AdmissionControl.Reads)
            .WithSummary("What a one-time link asks (state: ready, used, upcoming, closed, unknown; the items when ready)");
        group.MapPost("/{link}", async (string link, SurveySubmission body, SurveyAnswers answers, CancellationToken ct) =>
                (await answers.SubmitAsync(link, body.Answers ?? new Dictionary<int, string?>(), ct)).ToNoContent())
            .RequireRateLimiting(AdmissionControl.Writes)
            .WithSummary("Answers a one-time link, once: every five-point item 1–5 (5 = 非常满意), comments optional; 409 when used or closed");
        return endpoints;
    }
}
