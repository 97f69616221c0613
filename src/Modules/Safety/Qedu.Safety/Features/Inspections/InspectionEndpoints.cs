using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Safety.Resources;

namespace Qedu.Safety.Features.Inspections;

/// <summary>
/// Safety inspections over HTTP. Recording needs safety.manage over the school (a self-inspection) or safety.inspect
/// over the inspecting district or city; the failed items' photos come with the page's form (the API records findings
/// in words; the school's fix carries the photos). Sampling draws need safety.inspect.
/// </summary>
internal static class InspectionEndpoints
{
    public static IEndpointRouteBuilder MapInspectionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/safety").WithTags("Campus safety (inspections)").RequireAuthorization(Permissions.SafetyRead);
        group.MapPost("/inspections", async (InspectionInput body, SafetyInspections inspections, CancellationToken ct) =>
                (await inspections.RecordAsync(body, null, ct)).ToCreated(id => $"/api/safety/inspections/{id}", id => new { id }))
            .WithSummary("Records an inspection (school: its code; kind: self, district, city; on; checklists: codes, none for all; summary; failed: [{ item, note, serious, dueOn }]); each failed item becomes a hazard to rectify");
        group.MapGet("/inspections/{id:long}", async (long id, SafetyInspections inspections, IStringLocalizer<SafetyText> t, CancellationToken ct) =>
                (await inspections.InspectionAsync(id, ct) is { } found ? Outcome<InspectionView>.Ok(found) : Outcome<InspectionView>.NotFound(t["Inspection.NotFound"])).ToTypedResult())
            .WithSummary("An inspection with its findings and the state of their hazards");

        var sampling = endpoints.MapGroup("/api/safety/sampling").WithTags("Campus safety (inspections)").RequireAuthorization(Permissions.SafetyInspect);
        sampling.MapPost("/", async (DrawInput body, SafetySampling draws, CancellationToken ct) => (await draws.DrawAsync(body, ct)).ToOk(d => d))
            .WithSummary("Draws schools to inspect at random (unit: a district's or the city's code, default the caller's; count; seed, default a fresh one; purpose); recorded, recomputable from the seed");
        sampling.MapGet("/", async (SafetySampling draws, CancellationToken ct) => TypedResults.Ok(await draws.RecentAsync(ct)))
            .WithSummary("The latest draws in the caller's scope, with which drawn schools have been inspected");
        return endpoints;
    }
}
