using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Teachers.Features.Establishment;

/// <summary>The staffing establishment (编制) over HTTP: reading (<c>teachers.read</c>), setting a quota (<c>teachers.manage</c> at a bureau above the school).</summary>
internal static class EstablishmentEndpoints
{
    public static IEndpointRouteBuilder MapEstablishmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/teachers/establishment").WithTags("Teachers");
        group.MapGet("", async (int? year, EstablishmentReport report, CancellationToken ct) => TypedResults.Ok(await report.ForYearAsync(year, ct)))
            .RequireAuthorization(Permissions.TeachersRead)
            .WithSummary("Quota, filled (staff in 在编 posts) and vacant posts per school in the caller's scope for a year (this year when none), by subject, and per stage");
        group.MapPut("", async (QuotaInput body, EstablishmentReport report, CancellationToken ct) => (await report.SetQuotaAsync(body, ct)).ToTypedResult())
            .RequireAuthorization(Permissions.TeachersManage)
            .WithSummary("Sets a school's quota for a year: school (code), year, subject (none for the whole school), quota; by a bureau above the school");
        return endpoints;
    }
}
