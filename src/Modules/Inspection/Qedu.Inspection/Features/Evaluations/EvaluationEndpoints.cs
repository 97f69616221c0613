using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Inspection.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Inspection.Features.Evaluations;

/// <summary>Evaluations over HTTP: open (inspection.manage over the bureau above), score (inspection.visit), read (inspection.read).</summary>
internal static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/inspection/evaluations").WithTags("Inspection (督导)").RequireAuthorization(Permissions.InspectionRead);
        group.MapGet("/", async (Evaluations evaluations, CancellationToken ct) => TypedResults.Ok(await evaluations.ListAsync(ct)))
            .WithSummary("The evaluations in scope, with how many indicators are scored, the total and the level");
        group.MapPost("/", async (EvaluationInput body, Evaluations evaluations, CancellationToken ct) =>
                (await evaluations.OpenAsync(body, ct)).ToCreated(id => $"/api/inspection/evaluations/{id}", id => new { id }))
            .RequireAuthorization(Permissions.InspectionManage)
            .WithSummary("Opens an evaluation (unit: a school's or a district's code; scheme: school or district; year)");
        group.MapGet("/{id:long}", async (long id, Evaluations evaluations, IStringLocalizer<InspectionText> t, CancellationToken ct) =>
                (await evaluations.ViewAsync(id, ct) is { } found ? Outcome<EvaluationView>.Ok(found) : Outcome<EvaluationView>.NotFound(t["Evaluation.NotFound"])).ToTypedResult())
            .WithSummary("An evaluation with each indicator's weight, score, weighted part and evidence");
        group.MapPut("/{id:long}/scores", async (long id, ScoreLine[]? body, Evaluations evaluations, CancellationToken ct) =>
                (await evaluations.ScoreAsync(id, body ?? [], ct)).ToTypedResult())
            .WithSummary("Scores indicators ([{ indicator, score: 0–100, evidence }]); once all are scored, the weighted total and the level");
        return endpoints;
    }
}
