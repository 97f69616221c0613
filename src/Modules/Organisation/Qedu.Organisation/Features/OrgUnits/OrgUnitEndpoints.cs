using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Organisation.Resources;

namespace Qedu.Organisation.Features.OrgUnits;

internal static class OrgUnitEndpoints
{
    public const int MaxPageSize = 500;

    public static void MapOrgUnits(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/org-units").WithTags("Org units");

        group.MapGet("/{code}", async Task<Results<Ok<OrgUnitView>, ProblemHttpResult>> (string code, OrgUnitQueries queries, IStringLocalizer<KernelText> k) =>
            {
                if (!OrgUnitRules.IsWellFormedCode(code))
                {
                    return Malformed(code, k);
                }
                var view = await queries.GetAsync(code);
                return view is null ? NotFound(code, k) : TypedResults.Ok(view);
            })
            .RequireAuthorization(Permissions.OrgRead)
            .WithSummary("An org unit by its code (404 when it does not exist or is outside the caller's scope)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{code}/children", async Task<Results<Ok<OrgUnitList>, ValidationProblem, ProblemHttpResult>> (string code, string? kind, string? after, int? limit,
                OrgUnitQueries queries, IStringLocalizer<KernelText> k, IStringLocalizer<OrgText> t) =>
            {
                if (!OrgUnitRules.IsWellFormedCode(code))
                {
                    return Malformed(code, k);
                }
                var errors = new InputErrors();
                OrgUnitKind? kindFilter = null;
                if (!string.IsNullOrEmpty(kind))
                {
                    if (Enum.TryParse<OrgUnitKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                    {
                        kindFilter = parsed;
                    }
                    else
                    {
                        errors.Add("kind", string.Format(k["Code.Unknown"], kind, t["Field.Kind"]));
                    }
                }
                if (limit is < 1 or > MaxPageSize)
                {
                    errors.Add("limit", $"1–{MaxPageSize}");
                }
                if (after is not null && !OrgUnitRules.IsWellFormedCode(after))
                {
                    errors.Add("after", string.Format(k["OrgUnit.CodeMalformed"], after));
                }
                if (errors.Any)
                {
                    return TypedResults.ValidationProblem(errors.ToDictionary());
                }
                var parent = await queries.FindAsync(code);
                if (parent is null)
                {
                    return NotFound(code, k);
                }
                return TypedResults.Ok(await queries.ChildrenAsync(parent, new OrgUnitFilter(kindFilter), after, limit ?? 100));
            })
            .RequireAuthorization(Permissions.OrgRead)
            .WithSummary("The units directly under an org unit, by code, with keyset paging (after = last code seen)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (OrgUnitInput input, OrgUnitCommands commands) =>
                (await commands.CreateAsync(input)).ToCreated(view => $"/api/org-units/{view.Code}", view => view))
            .RequireAuthorization(Permissions.OrgManage)
            .WithSummary("Create an org unit under a parent the caller manages")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{code}", async (string code, OrgUnitInput input, OrgUnitCommands commands) =>
                (await commands.UpdateAsync(code, input)).ToTypedResult())
            .RequireAuthorization(Permissions.OrgManage)
            .WithSummary("Change an org unit's names, ownership, location type and dates (its code and type never change)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static ProblemHttpResult Malformed(string code, IStringLocalizer<KernelText> k) =>
        TypedResults.Problem(string.Format(k["OrgUnit.CodeMalformed"], code), statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult NotFound(string code, IStringLocalizer<KernelText> k) =>
        TypedResults.Problem(string.Format(k["OrgUnit.NotFound"], code), statusCode: StatusCodes.Status404NotFound);
}
