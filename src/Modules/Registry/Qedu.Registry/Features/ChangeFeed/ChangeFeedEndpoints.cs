using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Registry.Api;

namespace Qedu.Registry.Features.ChangeFeed;

internal static class ChangeFeedEndpoints
{
    public static void MapChangeFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/registry/changes", async Task<Results<Ok<ChangePage>, ValidationProblem>> (long? since, int? limit, ChangeFeedQuery feed,
                IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                if (since is < 0)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = [text["Paging.SinceNegative"].Value] });
                }
                if (ListParameters.PageSize(limit, ChangeFeedQuery.DefaultPageSize, ChangeFeedQuery.MaxPageSize, text, out var size) is { } refused)
                {
                    return refused;
                }
                return TypedResults.Ok(await feed.PageAsync(since ?? 0, size, ct));
            })
            // The whole scope's records, for other systems: a bulk copy like an export.
            .RequireAuthorization(Permissions.RegistryExport)
            .WithTags("Registry")
            .WithSummary("Registry changes in commit order after version `since`; deletes appear as tombstones");
}
