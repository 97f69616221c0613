using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Inspection.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Inspection.Features.Visits;

/// <summary>Inspection visits over HTTP: record one (inspection.visit over the district above the school), read them (inspection.read).</summary>
internal static class VisitEndpoints
{
    public static IEndpointRouteBuilder MapVisitEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/inspection/visits").WithTags("Inspection (督导)").RequireAuthorization(Permissions.InspectionRead);
        group.MapPost("/", async (VisitInput body, InspectionVisits visits, CancellationToken ct) =>
                (await visits.RecordAsync(body, ct)).ToCreated(id => $"/api/inspection/visits/{id}", id => new { id }))
            .WithSummary("Records a visit (school, kind: Routine, Special, FollowUp; on; topic; report; findings: [{ text, serious, dueOn }]); each finding becomes a rectification for the school");
        group.MapGet("/", async (InspectionVisits visits, CancellationToken ct) => TypedResults.Ok(await visits.RecentAsync(ct)))
            .WithSummary("The latest visits in scope");
        group.MapGet("/{id:long}", async (long id, InspectionVisits visits, IStringLocalizer<InspectionText> t, CancellationToken ct) =>
                (await visits.VisitAsync(id, ct) is { } found ? Outcome<VisitView>.Ok(found) : Outcome<VisitView>.NotFound(t["Visit.NotFound"])).ToTypedResult())
            .WithSummary("A visit with its report and findings (and their rectifications' state)");
        return endpoints;
    }
}
