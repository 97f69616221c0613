using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Indicators.Computation;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Resources;
using Qedu.Kernel.Access;

namespace Qedu.Indicators.Features.Compute;

/// <summary>What a recomputation did: the period, how many values it stored, for how many units, in how long.</summary>
internal sealed record ComputeSummary(string Period, int Values, int Units, long ElapsedMs);

/// <summary>Recomputation and the catalogue, for the bureau and for outside callers.</summary>
internal static class ComputeEndpoints
{
    public static void MapComputeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/indicators").WithTags("Indicators");

        group.MapGet("/definitions", (IndicatorCatalog catalog) => TypedResults.Ok(catalog.Indicators.Select(i => new
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

        // Any indicators manager may ask: the job recomputes every unit from the same data, so asking twice changes nothing.
        group.MapPost("/compute", async Task<Results<Ok<ComputeSummary>, ValidationProblem>> (string? period, IndicatorComputation computation, IStringLocalizer<IndicatorsText> t, TimeProvider clock, CancellationToken ct) =>
            {
                period = string.IsNullOrWhiteSpace(period) ? IndicatorComputation.CurrentPeriod(clock) : period.Trim();
                if (!IndicatorComputation.IsPeriod(period))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [string.Format(t["Compute.BadPeriod"], period)] });
                }
                var result = await computation.ComputeAsync(period, store: true, ct);
                return TypedResults.Ok(new ComputeSummary(result.Period, result.Values.Count, result.Units, result.ElapsedMs));
            })
            .RequireAuthorization(Permissions.IndicatorsManage)
            .WithSummary("Recompute every indicator for every org unit in a period (default: this year), replacing that period's snapshots");
    }
}
