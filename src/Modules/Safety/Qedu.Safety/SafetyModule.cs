using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Safety.Data;
using Qedu.Safety.DemoData;
using Qedu.Safety.Features.Inspections;
using Qedu.Safety.Features.Overview;
using Qedu.Safety.Features.Readiness;
using Qedu.Safety.Rules;

namespace Qedu.Safety;

/// <summary>The safety module's only entry points (M11: 校园安全).</summary>
public static class SafetyModule
{
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddModuleDb<SafetyDb, SafetyDbSqlite, SafetyDbPostgres>(SafetyDb.Module, order: 100);
        services.AddSingleton(SafetyRules.Load());
        services.AddScoped<SafetyAccess>();
        services.AddScoped<SafetyInspections>();
        services.AddScoped<SafetySampling>();
        services.AddScoped<SafetyOverview>();
        services.AddScoped<SafetyReadiness>();
        services.AddScoped<IDemoSeedStep, SafetyDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Data, 31, "/safety", "校园安全", "Campus safety", Permissions.SafetyRead));
        services.AddSingleton(new NavItem(NavSections.Data, 31, "/safety/sampling", "随机督导检查", "Random inspections", Permissions.SafetyInspect));
        return services;
    }

    public static IEndpointRouteBuilder MapSafety(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOverviewEndpoints();
        endpoints.MapInspectionEndpoints();
        endpoints.MapReadinessEndpoints();
        return endpoints;
    }
}
