using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Secrets;

namespace Qedu.Surveys.Features.Distribute;

/// <summary>How many one-time links to make, and for which school (the caller's only school when none).</summary>
internal sealed record LinkRequest(int? School, int? Count);

/// <summary>The links just made: each code and its address, to print or to send (shown this once).</summary>
internal sealed record LinkBatch(string Survey, string School, IReadOnlyList<string> Codes, IReadOnlyList<string> Links);

/// <summary>A school's one-time links over HTTP (<c>surveys.distribute</c>).</summary>
internal static class DistributeEndpoints
{
    public static IEndpointRouteBuilder MapDistributeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/surveys/{code}/links", async (string code, LinkRequest body, SurveyLinks links, HttpRequest request, CancellationToken ct) =>
                (await links.IssueAsync(code, body.School, body.Count, ct)).ToOk(issued => new LinkBatch(issued.Survey, issued.School,
                    [.. issued.Codes.Select(SecretCodes.Display)], [.. issued.Codes.Select(c => Address(request, c))])))
            .RequireAuthorization(Permissions.SurveysDistribute)
            .WithTags("Surveys")
            .WithSummary("Makes one-time links for one of the caller's schools (1–1000 at a time) while the survey has not closed; the codes are shown this once");
        return endpoints;
    }

    /// <summary>The address a link's QR code and text carry.</summary>
    public static string Address(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}{request.PathBase}/survey/{SecretCodes.Display(code)}";
}
