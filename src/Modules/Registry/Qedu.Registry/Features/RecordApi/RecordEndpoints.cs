using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Api;
using Qedu.Registry.Data;
using Qedu.Registry.Exchange;
using Qedu.Registry.Kinds;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Features.RecordApi;

/// <summary>
/// Lists and single reads of the registry's other record kinds (classes, staff, assets, campuses, guardians, enrolments)
/// in their exchange shape, keyset-paged by id like the student list, masked and audited like the feed.
/// </summary>
internal static class RecordEndpoints
{
    /// <summary>URL names of the kinds served here, from the kinds' descriptors (students have their own, richer endpoints).</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = RegistryKinds.All.Where(k => k.UrlName != "students")
        .ToDictionary(k => k.UrlName, k => k.EntityType, StringComparer.OrdinalIgnoreCase);

    public static void MapRecordReads(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/registry").RequireAuthorization(Permissions.RegistryRead).WithTags("Registry");

        group.MapGet("/{kind}", async Task<Results<Ok<KeysetPage<object>>, ValidationProblem, ProblemHttpResult>> (string kind, string? school, long? after, int? limit, RegistryDb db, OrgTree tree, ExchangeData shaper,
                IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                if (Find(kind) is not { } exchange)
                {
                    return UnknownKind(kind, text);
                }
                var (schoolId, problem) = await ListParameters.SchoolAsync(school, tree, text, ct);
                if (problem is not null)
                {
                    return problem;
                }
                if (ListParameters.PageSize(limit, 100, ListParameters.MaxPageSize, text, out var size) is { } refused)
                {
                    return refused;
                }
                var (rows, more) = await exchange.PageAsync(db, schoolId, after ?? 0, size, ct);
                var (data, _) = await shaper.ShapeAsync(rows.ConvertAll(r => (exchange, r)), ct: ct);
                var items = rows.ConvertAll(r => (object)data[(exchange.EntityType, r.Id)]);
                return TypedResults.Ok(new KeysetPage<object>(items, more ? rows[^1].Id : null));
            })
            .WithSummary("Records of one kind (campuses, classes, staff, assets, guardians, enrolments) in the caller's scope, keyset-paged by id; personal data masked without pii.view");

        group.MapGet("/{kind}/{id:long}", async Task<Results<Ok<object>, ProblemHttpResult>> (string kind, long id, HttpContext http, RegistryDb db, ExchangeData shaper,
                IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                if (Find(kind) is not { } exchange)
                {
                    return UnknownKind(kind, text);
                }
                if (await shaper.OneAsync(db, exchange, id, ct) is not { } found)
                {
                    return TypedResults.Problem(string.Format(text["Record.NotFound"], id), statusCode: StatusCodes.Status404NotFound);
                }
                http.Response.Headers.ETag = RecordWriteApi.ETag(found.Revision);
                return TypedResults.Ok((object)found.Data);
            })
            .WithSummary("One record of a kind; the ETag is its revision");
    }

    private static ExchangeKind? Find(string kind) => Kinds.TryGetValue(kind, out var type) ? ExchangeKinds.Find(type) : null;

    private static ProblemHttpResult UnknownKind(string kind, IStringLocalizer<KernelText> text) =>
        TypedResults.Problem(string.Format(text["Record.KindUnknown"], kind, string.Join(", ", Kinds.Keys.Prepend("students"))), statusCode: StatusCodes.Status404NotFound);
}
