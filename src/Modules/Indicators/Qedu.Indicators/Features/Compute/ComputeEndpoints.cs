using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Indicators.Features.Compute;

/// <summary>Recomputation and the catalogue, for the bureau and for outside callers.</summary>
internal static class ComputeEndpoints
{
    public static void MapComputeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/indicators").WithTags("Indicators");

        group.MapGet("/definitions", (IndicatorCatalog catalog) => Results.Ok(catalog.Indicators.Select(i => new
            {
                i.Code,
                i.Category,
                name = i.Name,
                unit = i.Unit,
                definition = i.Definition,
                formula = i.Formula.ToString().ToLowerInvariant(),
                i.Numerator,
                i.Denominator,
                i.Scale,
                direction = i.Direction.ToString().ToLowerInvariant(),
                stages = i.Stages.Select(s => s.ToString()),
                levels = i.Levels.Select(l => l.ToString()),
                i.Source,
                i.Plans,
            })))
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("Every indicator: names, unit, how it is computed (facts and formula), which way is better, stages and levels");

        group.MapPost("/compute", async (string? period, IndicatorComputation computation, ComputePermission permission, IStringLocalizer<IndicatorsText> t, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await permission.MayComputeAsync(ct))
                {
                    return Results.Problem(t["Compute.CityOnly"], statusCode: StatusCodes.Status403Forbidden);
                }
                period = string.IsNullOrWhiteSpace(period) ? IndicatorComputation.CurrentPeriod(clock) : period.Trim();
                if (!IndicatorComputation.IsPeriod(period))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [string.Format(t["Compute.BadPeriod"], period)] });
                }
                var result = await computation.ComputeAsync(period, store: true, ct);
                return Results.Ok(new { result.Period, values = result.Values.Count, result.Units, result.ElapsedMs });
            })
            .RequireAuthorization(Permissions.IndicatorsManage)
            .WithSummary("Recompute every indicator for every org unit in a period (default: this year), replacing that period's snapshots");
    }
}

/// <summary>Recomputing writes every unit's figures, so it takes a city- or province-level indicators.manage grant.</summary>
internal sealed class ComputePermission(ICurrentAccess access, KernelDb kernel)
{
    public async Task<bool> MayComputeAsync(CancellationToken ct)
    {
        var current = access.Current;
        if (current.IsSystem)
        {
            return true;
        }
        var units = current.Grants.Where(g => g.Permissions.Contains(Permissions.IndicatorsManage)).Select(g => g.OrgUnitId).ToList();
        return units.Count > 0 && await kernel.OrgUnits.IgnoreQueryFilters()
            .AnyAsync(u => units.Contains(u.Id) && (u.Kind == OrgUnitKind.City || u.Kind == OrgUnitKind.Province), ct);
    }
}
