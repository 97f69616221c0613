using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Growth.Features.Health;

/// <summary>Health figures over HTTP: by unit and the rules' editions (<c>growth.read</c>); a class's children (<c>growth.health</c>).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/growth").WithTags("Growth (health)").RequireAuthorization(Permissions.GrowthRead);
        read.MapGet("/health", async (string? district, string? school, int? year, HealthOverview overview, CancellationToken ct) =>
                TypedResults.Ok(await overview.ViewAsync(district, school, year, ct)))
            .WithSummary("Fitness (达标率, 优良率) and vision (视力不良率, 近视率) for a school year (year: the year it began) beside the year before: the caller's scope, by district, by school (of district), by class (of school)");
        read.MapGet("/health/standard", (FitnessStandard standard, VisionRules vision) =>
                TypedResults.Ok(new { standard.Edition, standard.Source, Items = standard.Items.ToDictionary(i => i.Key, i => new { i.Value.Zh, i.Value.En, i.Value.Unit, i.Value.HigherIsBetter }),
                    Vision = new { vision.Edition, vision.Source, vision.NormalAcuity, vision.MyopicSphericalEquivalent } }))
            .WithSummary("The editions of the rules results are scored by: the fitness standard's items, the vision screening's thresholds");

        var keep = endpoints.MapGroup("/api/growth").WithTags("Growth (health)").RequireAuthorization(Permissions.GrowthHealth);
        keep.MapGet("/health/{school}/classes/{className}", async (string school, string className, int? year, HealthOverview overview,
                IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                (await overview.ClassAsync(school, className, year, ct) is { } view
                    ? Outcome<ClassHealthView>.Ok(view) : Outcome<ClassHealthView>.NotFound(t["Health.NoSchool", school])).ToTypedResult())
            .WithSummary("A class's students with their results (names: a list of children's health data, audited)");
        return endpoints;
    }
}
