using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;

namespace Qedu.Registry.Features.ChangeFeed;

internal static class ChangeFeedEndpoints
{
    public static void MapChangeFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/registry/changes", async (long? since, int? limit, ChangeFeedQuery feed,
                IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                var size = limit ?? ChangeFeedQuery.DefaultPageSize;
                if (since is < 0)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["since"] = [text["Paging.SinceNegative"].Value] });
                }
                if (size is < 1 or > ChangeFeedQuery.MaxPageSize)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["limit"] = [string.Format(text["Paging.LimitRange"], 1, ChangeFeedQuery.MaxPageSize)],
                    });
                }
                return Results.Ok(await feed.PageAsync(since ?? 0, size, ct));
            })
            .RequireAuthorization(Permissions.RegistryRead)
            .WithTags("Registry")
            .WithSummary("Registry changes in commit order after version `since`; deletes appear as tombstones");
}
