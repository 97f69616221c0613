using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Growth.Features.Care;

/// <summary>Care for left-behind children over HTTP (<c>growth.care</c>): figures and a school's children, the care room, ledgers and contacts.</summary>
internal static class CareEndpoints
{
    public static IEndpointRouteBuilder MapCareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var care = endpoints.MapGroup("/api/growth/care").WithTags("Growth (left-behind children)").RequireAuthorization(Permissions.GrowthCare);
        care.MapGet("/", async (string? school, ChildCare service, CancellationToken ct) => TypedResults.Ok(await service.ViewAsync(school, ct)))
            .WithSummary("Care rooms and ledgers by school (schools with left-behind children and a room; children with a ledger); for a school, its children (named: audited) and its room");
        care.MapPut("/room", async (string? school, CareRoomForm body, ChildCare service, CancellationToken ct) =>
                (await service.SetRoomAsync(school, body, ct)).ToOk(id => new { id }))
            .WithSummary("Opens or corrects the school's care room (name, facilities, keeper, openedOn)");
        care.MapPost("/room/uses", async (string? school, NewRoomUse body, ChildCare service, CancellationToken ct) =>
                (await service.AddRoomUseAsync(school, body, ct)).ToCreated(id => "/api/growth/care", id => new { id }))
            .WithSummary("Records a use of the school's care room (day, children, activity); 409 without a room");
        care.MapPost("/ledgers", async (NewLedger body, ChildCare service, CancellationToken ct) =>
                (await service.OpenLedgerAsync(body, ct)).ToCreated(id => $"/api/growth/care/ledgers/{id}", id => new { id }))
            .WithSummary("Opens a left-behind child's ledger (studentId, caringTeacher, circumstances); one open ledger per child");
        care.MapGet("/ledgers/{id:long}", async (long id, ChildCare service, IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                (await service.LedgerAsync(id, ct) is { } found ? Outcome<LedgerView>.Ok(found) : Outcome<LedgerView>.NotFound(t["Care.Ledger.NotFound"])).ToTypedResult())
            .WithSummary("A ledger with its contacts (audited)");
        care.MapPost("/ledgers/{id:long}/contacts", async (long id, NewContact body, ChildCare service, CancellationToken ct) =>
                (await service.AddContactAsync(id, body, ct)).ToCreated(c => $"/api/growth/care/ledgers/{id}", c => new { id = c }))
            .WithSummary("Records a contact (day, kind: HomeVisit, Talk, FamilyCall, PhoneCall, note)");
        care.MapPost("/ledgers/{id:long}/close", async (long id, ChildCare service, CancellationToken ct) =>
                (await service.CloseLedgerAsync(id, ct)).ToOk(l => new { id = l }))
            .WithSummary("Closes a ledger (the parents came home, the child left): kept, no longer open");
        return endpoints;
    }
}
