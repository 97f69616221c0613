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
