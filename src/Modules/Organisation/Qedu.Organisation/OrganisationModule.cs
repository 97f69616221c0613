using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Organisation.Features.Accounts;
using Qedu.Organisation.Features.AuditLog;
using Qedu.Organisation.Features.OrgUnits;

namespace Qedu.Organisation;

/// <summary>The organisation module's only entry points: the org tree, accounts and the audit log browser.</summary>
public static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<OrgUnitQueries>();
        services.AddScoped<OrgUnitCommands>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<AccountCommands>();
        services.AddScoped<PrivilegedRoles>();
        services.AddScoped<AuditLogQuery>();
        services.AddScoped<AuditRows>();
        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrors>();
        services.AddSingleton(new NavItem(NavSections.Organisation, 10, "/org", "组织机构", "Org tree", Permissions.OrgRead));
        services.AddSingleton(new NavItem(NavSections.Administration, 10, "/accounts", "账号管理", "Accounts", Permissions.AccountsManage));
        services.AddSingleton(new NavItem(NavSections.Administration, 15, "/privileged-roles", "特权角色", "Privileged roles", Permissions.AccountsReview));
        services.AddSingleton(new NavItem(NavSections.Administration, 20, "/audit", "审计日志", "Audit log", Permissions.AuditRead));
        return services;
    }

    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOrgUnits();
        endpoints.MapAuditLog();
        return endpoints;
    }
}
