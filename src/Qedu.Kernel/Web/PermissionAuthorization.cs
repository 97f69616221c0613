using Microsoft.AspNetCore.Authorization;
using Qedu.Kernel.Access;

namespace Qedu.Kernel.Web;

/// <summary>Marks a page or endpoint as needing a permission (the policy of the same name).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission)
        : base(permission) => Permission = permission;

    public string Permission { get; }
}

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

/// <summary>Grants a permission policy when any of the caller's grants carries the permission (where is the data path's job).</summary>
public sealed class PermissionHandler(ICurrentAccess access) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (access.Current.Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// A page of a bureau's work (the leader overview): besides its permission, the caller must hold a city or district role.
/// A school's roles may hold the same permission for their own school's figures, but the page is no work of theirs.
/// </summary>
public sealed class RequireBureauRoleAttribute() : AuthorizeAttribute(BureauRoleRequirement.Policy);

public sealed class BureauRoleRequirement : IAuthorizationRequirement
{
    public const string Policy = "bureau-role";

    /// <summary>The rule, shared with the menu (<see cref="NavItem.BureauOnly"/>), so what the menu hides a URL does not open.</summary>
    public static bool IsMet(AccessContext caller) => caller.IsSystem || caller.Roles.Any(Roles.IsBureauRole);
}

public sealed class BureauRoleHandler(ICurrentAccess access) : AuthorizationHandler<BureauRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, BureauRoleRequirement requirement)
    {
        if (BureauRoleRequirement.IsMet(access.Current))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
