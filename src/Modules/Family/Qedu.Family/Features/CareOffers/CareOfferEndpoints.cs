using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.CareOffers;

/// <summary>After-school care as the schools keep it, over HTTP: the overview and statements (care.read), offers (care.manage), the register (care.attend).</summary>
internal static class CareOfferEndpoints
{
    public static IEndpointRouteBuilder MapCareOfferEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/family/care").WithTags("Family (after-school care)").RequireAuthorization(Permissions.CareRead);
        read.MapGet("/", async (string? school, CareOffers offers, CancellationToken ct) => (await offers.OverviewAsync(school, ct)).ToTypedResult())
            .WithSummary("The schools in scope with their current offers, places taken and attendance; with school (a code, or the caller's only school), its offers");
        read.MapGet("/offers/{id:long}", async (long id, CareOffers offers, CancellationToken ct) => (await offers.OfferAsync(id, ct)).ToTypedResult())
            .WithSummary("An offer with its enrolled children by class and the register's days (names the children: an audited read)");
        read.MapGet("/offers/{id:long}/statement", async (long id, CareOffers offers, CancellationToken ct) => (await offers.StatementAsync(id, ct)).ToTypedResult())
            .WithSummary("The term's fee and subsidy statement: per child the fee, whether exempt (family in hardship), what the family pays and the subsidy; the totals");

        endpoints.MapPost("/api/family/care/offers", async (string? school, OfferInput body, CareOffers offers, CancellationToken ct) =>
                (await offers.AddOfferAsync(school, body, ct)).ToCreated(id => $"/api/family/care/offers/{id}", id => new NewId(id)))
            .WithTags("Family (after-school care)").RequireAuthorization(Permissions.CareManage)
            .WithSummary("Adds an offer for a term (name, termStarts, termEnds, enrolUntil, weekdays 1-7, starts, ends, grades P1-P6/J1-J3, activities, capacity, fee, subsidy: yuan per term)");
        endpoints.MapPut("/api/family/care/offers/{id:long}/register", async (long id, RegisterInput body, CareOffers offers, CancellationToken ct) =>
                (await offers.RegisterAsync(id, body, ct)).ToOk(present => new { present }))
            .WithTags("Family (after-school care)").RequireAuthorization(Permissions.CareAttend)
            .WithSummary("Takes the register of a day (day, absent: student ids): every child enrolled that day present but those absent; again replaces the day");
        return endpoints;
    }
}
