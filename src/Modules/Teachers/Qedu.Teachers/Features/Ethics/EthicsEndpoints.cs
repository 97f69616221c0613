using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Teachers.Features.Ethics;

/// <summary>The annual ethics review over HTTP (<c>teachers.ethics</c>).</summary>
internal static class EthicsEndpoints
{
    public static IEndpointRouteBuilder MapEthicsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/teachers").WithTags("Teachers (ethics)").RequireAuthorization(Permissions.TeachersEthics);
        group.MapGet("/ethics", async (int? year, string? school, EthicsReviews reviews, CancellationToken ct) => TypedResults.Ok(await reviews.YearAsync(year, school, ct)))
            .WithSummary("A year's ethics reviews (this year when none): per school in the caller's scope, and per teacher for school (a code; the caller's own when it has one)");
        group.MapPut("/{staffId:long}/ethics/{year:int}", async (long staffId, int year, EthicsInput body, EthicsReviews reviews, CancellationToken ct) =>
                (await reviews.ReviewAsync(staffId, year, body, ct)).ToTypedResult())
            .WithSummary("Grades a teacher's year: grade (Excellent, Qualified, BasicallyQualified, Unqualified), comment (required for the two lowest); until confirmed");
        group.MapPost("/{staffId:long}/ethics/{year:int}/confirm", async (long staffId, int year, EthicsReviews reviews, CancellationToken ct) =>
                (await reviews.ConfirmAsync(staffId, year, ct)).ToTypedResult())
            .WithSummary("Confirms a teacher's review (the bureau above the school); a confirmed Unqualified bars promotion, awards and registration for the rules' months");
        return endpoints;
    }
}
