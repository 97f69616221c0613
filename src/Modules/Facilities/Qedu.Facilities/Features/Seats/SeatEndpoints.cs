using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;

namespace Qedu.Facilities.Features.Seats;

/// <summary>The seat forecast over HTTP (facilities.read).</summary>
internal static class SeatEndpoints
{
    public static IEndpointRouteBuilder MapSeatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/facilities/seats", async (string? district, SeatOutlook outlook, CancellationToken ct) => (await outlook.ForecastAsync(district, ct)).ToTypedResult())
            .WithTags("Facilities (seats)").RequireAuthorization(Permissions.FacilitiesRead)
            .WithSummary("The seat forecast (学位预警) of a district or the city: per zone the next 6 years of grade-one and grade-seven demand against seats, shortfall zones first; the backtest's MAPE per horizon");
        return endpoints;
    }
}
