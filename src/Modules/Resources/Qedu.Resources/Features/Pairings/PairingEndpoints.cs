using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Resources.Features.Pairings;

/// <summary>Urban–rural pairings and synchronous classrooms over HTTP.</summary>
internal static class PairingEndpoints
{
    public static IEndpointRouteBuilder MapPairingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/resources/pairings").WithTags("Resources (pairings)");
        group.MapGet("/", async (SyncClassrooms classrooms, CancellationToken ct) => TypedResults.Ok(await classrooms.ListAsync(ct)))
            .RequireAuthorization(Permissions.ResourcesRead)
            .WithSummary("The pairings in the caller's scope (either side) with their timetable, recent sessions and this year's held sessions");
        group.MapPost("/", async (PairingInput body, SyncClassrooms classrooms, CancellationToken ct) =>
                (await classrooms.PairAsync(body, ct)).ToCreated(id => $"/api/resources/pairings#{id}", id => new { id }))
            .RequireAuthorization(Permissions.ResourcesManage)
            .WithSummary("Pairs an urban school with a rural one (urbanSchool, ruralSchool: school codes; startsOn): a district within itself, the city across districts");
        group.MapPost("/{id:long}/slots", async (long id, SlotInput body, SyncClassrooms classrooms, CancellationToken ct) =>
                (await classrooms.AddSlotAsync(id, body, ct)).ToCreated(slot => $"/api/resources/pairings#{id}", slot => new { id = slot }))
            .RequireAuthorization(Permissions.ResourcesManage)
            .WithSummary("Adds a weekly sync-classroom slot (subject, teacher, urbanClass, ruralClass, weekday 1–7, startsAt HH:mm, minutes)");
        group.MapPost("/{id:long}/sessions", async (long id, SessionInput body, SyncClassrooms classrooms, CancellationToken ct) =>
                (await classrooms.RecordSessionAsync(id, body, ct)).ToCreated(session => $"/api/resources/pairings#{id}", session => new { id = session }))
            .RequireAuthorization(Permissions.ResourcesManage)
            .WithSummary("Records a dated session (on, slot, held, topic, present, enrolled, note): attendance of the rural class and the lesson taught");
        return endpoints;
    }
}
