using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.CreditProviders;

/// <summary>The credit bank's providers and outcomes over HTTP: accrediting (credits.manage), recording (credits.record).</summary>
internal static class CreditRecordEndpoints
{
    public static IEndpointRouteBuilder MapCreditRecordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/credits/", async (CreditRecords records, CancellationToken ct) => TypedResults.Ok(await records.ViewAsync(ct)))
            .WithTags("Family (credit bank)").RequireAuthorization(Permissions.CreditsRecord)
            .WithSummary("The providers in scope with their accreditation, the latest outcomes recorded (phones masked), and the rules' certificates and award levels");
        endpoints.MapPost("/api/credits/providers", async (ProviderInput body, CreditRecords records, CancellationToken ct) =>
                (await records.AccreditAsync(body, ct)).ToOk(code => new { code }))
            .WithTags("Family (credit bank)").RequireAuthorization(Permissions.CreditsManage)
            .WithSummary("Accredits a provider (code, name, kind, unit: the org unit whose staff record for it, accreditedUntil)");
        endpoints.MapPost("/api/credits/outcomes", async (OutcomeInput body, CreditRecords records, CancellationToken ct) =>
                (await records.RecordAsync(body, ct)).ToOk(credits => new { credits }))
            .WithTags("Family (credit bank)").RequireAuthorization(Permissions.CreditsRecord)
            .WithSummary("Records a learner's outcome (provider, phone, name, kind: Course/Certificate/Award, code, title, hours, score, achievedOn); answers the credits it is worth");
        return endpoints;
    }
}
