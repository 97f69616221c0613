using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.ParentCommittees;

/// <summary>The parent committees from a parent's phone, over HTTP (the parent sign-in).</summary>
internal static class ParentCommitteeEndpoints
{
    public static IEndpointRouteBuilder MapParentCommitteeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/parent/committees", async (ParentCommittees committees, CancellationToken ct) => TypedResults.Ok(await committees.ChildrenAsync(ct)))
            .WithTags("Family (parents)").RequireAuthorization(ParentAuthentication.Policy)
            .WithSummary("For each of the parent's children, the school's and the class's parent committees this school year: members by name and office, and minutes");
        return endpoints;
    }
}
