using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.StudentServices.Statistics;

namespace Qedu.StudentServices.Features.Dashboard;

/// <summary>The services dashboard's figures over HTTP (<c>status-changes.review</c>), limited to the caller's schools.</summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/services/figures", async (int? year, ServiceDashboard dashboard, TimeProvider clock, CancellationToken ct) =>
                Results.Ok(await dashboard.ForYearAsync(year is >= 2000 and <= 2100 ? year.Value : CityDate.Today(clock).Year, ct)))
            .RequireAuthorization(Permissions.StatusChangesReview)
            .WithTags("Student services (reviewers)")
            .Produces<DashboardView>()
            .WithSummary("The year's 一次办好 figures of the caller's schools: per district (or school), per item, the total, and the poor-rating cases");
        return endpoints;
    }
}
