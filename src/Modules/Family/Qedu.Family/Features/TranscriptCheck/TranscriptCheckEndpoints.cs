using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Qedu.Family.Features.TranscriptCheck;

/// <summary>The public check of a transcript's verification code, over HTTP: anyone, no sign-in.</summary>
internal static class TranscriptCheckEndpoints
{
    public static IEndpointRouteBuilder MapTranscriptCheckEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/public/credits/transcripts/{code}", async Task<Results<Ok<CheckedTranscript>, NotFound>> (string code, TranscriptCheck check, CancellationToken ct) =>
                await check.CheckAsync(code, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound())
            .WithTags("Family (credit bank: public check)").AllowAnonymous()
            .WithSummary("Checks a transcript's verification code: the learner's name masked, the issue date, the total and the lines as issued, and whether they match what was issued");
        return endpoints;
    }
}
