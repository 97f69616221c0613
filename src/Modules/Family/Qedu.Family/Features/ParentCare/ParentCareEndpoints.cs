using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.ParentCare;

/// <summary>After-school care from a guardian's phone, over HTTP (the parent sign-in).</summary>
internal static class ParentCareEndpoints
{
    public static IEndpointRouteBuilder MapParentCareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var parents = endpoints.MapGroup("/api/parent/care").WithTags("Family (guardians)").RequireAuthorization(ParentAuthentication.Policy);
        parents.MapGet("/", async (ParentCare care, CancellationToken ct) => TypedResults.Ok(await care.ChildrenAsync(ct)))
            .WithSummary("The signed-in guardian's children with the after-school care offers of their schools for their grade, places left and whether enrolled");
        parents.MapPost("/enrol", async (EnrolInput body, ParentCare care, CancellationToken ct) => (await care.EnrolAsync(body, ct)).ToOk(left => new { placesLeft = left }))
            .WithSummary("Enrols the guardian's child (student) in an offer (offer) of the child's school: 409 when full, already enrolled or closed");
        parents.MapPost("/withdraw", async (EnrolInput body, ParentCare care, CancellationToken ct) => (await care.WithdrawAsync(body, ct)).ToOk(n => new { withdrawn = n }))
            .WithSummary("Withdraws the guardian's child from an offer while enrolment is open; the place is given back");
        return endpoints;
    }
}
