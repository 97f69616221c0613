using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Documents;
using Qedu.Family.Resources;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.LearnerCredits;

/// <summary>A learner's own credit bank account over HTTP (the public sign-in).</summary>
internal static class LearnerCreditEndpoints
{
    public static IEndpointRouteBuilder MapLearnerCreditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var mine = endpoints.MapGroup("/api/parent/credits").WithTags("Family (credit bank: learners)").RequireAuthorization(ParentAuthentication.Policy);
        mine.MapGet("/", async (LearnerCredits credits, CancellationToken ct) => TypedResults.Ok(await credits.AccountAsync(ct)))
            .WithSummary("The signed-in learner's outcomes with their credits (an equivalent pair counted once), the total, and the transcripts issued");
        mine.MapPost("/transcripts", async (LearnerCredits credits, CancellationToken ct) => (await credits.IssueAsync(ct)).ToOk(code => new { code }))
            .WithSummary("Issues a transcript of the account as it stands; answers its verification code");
        endpoints.MapGet("/parent/credits/transcripts/{code}.pdf", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (
                string code, LearnerCredits credits, PdfFonts fonts, IStringLocalizer<FamilyText> t, CancellationToken ct) =>
            {
                if (fonts.Current is not { } font)
                {
                    return TypedResults.Problem(t["Credits.NoFont"], statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                return await credits.PdfAsync(code, font, ct) is { } pdf
                    ? TypedResults.File(pdf, OfficialLetterPdf.MediaType, $"学分证明-{code}.pdf")
                    : TypedResults.NotFound();
            })
            .RequireAuthorization(ParentAuthentication.Policy)
            .ExcludeFromDescription();
        return endpoints;
    }
}
