using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;
using Qedu.Registry.Kinds;

namespace Qedu.Registry.Features.SchoolProfiles;

internal static class SchoolProfileEndpoints
{
    public static void MapSchoolProfiles(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet($"/api/registry/{SchoolProfileKind.UrlName}/{{code}}", async Task<Results<Ok<SchoolProfileDto>, ProblemHttpResult>> (string code, OrgTree tree, ISchoolProfiles profiles, IStringLocalizer<KernelText> text) =>
            {
                if (!OrgUnitRules.IsWellFormedCode(code))
                {
                    return TypedResults.Problem(string.Format(text["OrgUnit.CodeMalformed"], code), statusCode: StatusCodes.Status400BadRequest);
                }
                var unit = await tree.FindAsync(code);
                var profile = unit is null || unit.Kind != OrgUnitKind.School ? null : await profiles.FindAsync(unit.Id, unit.Code);
                return profile is null
                    ? TypedResults.Problem(string.Format(text["OrgUnit.NotFound"], code), statusCode: StatusCodes.Status404NotFound)
                    : TypedResults.Ok(profile);
            })
            .RequireAuthorization(Permissions.RegistryRead)
            .WithTags("Registry")
            .WithSummary("A school's profile: address, location, seats")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
