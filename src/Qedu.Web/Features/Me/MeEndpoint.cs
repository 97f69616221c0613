using Qedu.Kernel.Access;
using Qedu.Web.Components.Layout;
using Qedu.Web.Hosting;

namespace Qedu.Web.Features.Me;

internal static class MeEndpoint
{
    public sealed record MeRole(string Role, string OrgCode, string OrgName);

    /// <param name="PendingStep">What the person must do before anything else (the page to do it on), or null.</param>
    public sealed record MeResponse(
        string Kind, string? Id, string Name, IReadOnlyList<MeRole> Roles, IReadOnlyList<string> Permissions, IReadOnlyList<string> ScopeCodes, string? PendingStep);

    /// <summary>Who the caller is, in which roles and scopes: for single sign-on clients and for people checking their access.</summary>
    public static void MapMe(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/me", async (ICurrentAccess access, ShellInfo shell) =>
            {
                var caller = access.Current;
                var (name, roles) = await shell.LoadAsync();
                return TypedResults.Ok(new MeResponse(
                    caller.Kind.ToString(),
                    caller.ActorId,
                    name,
                    roles.Select(r => new MeRole(r.Role, r.OrgCode, r.OrgName)).ToList(),
                    Permissions.All.Where(caller.Has).ToList(),
                    caller.Grants.Select(g => g.OrgUnitCode).Distinct().ToList(),
                    caller.PendingStep == AccountStep.None ? null : AccountSteps.PageOf(caller.PendingStep)));
            })
            .RequireAuthorization()
            .WithTags("Identity")
            .WithSummary("The caller: kind, roles with their scopes, permissions");
}
