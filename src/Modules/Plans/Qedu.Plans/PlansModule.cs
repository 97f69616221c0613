using Qedu.Indicators.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Documents;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Plans.Data;
using Qedu.Plans.DemoData;
using Qedu.Plans.Features.Export;
using Qedu.Plans.Features.Plans;
using Qedu.Plans.Features.Supervision;
using Qedu.Plans.Tasks;

namespace Qedu.Plans;

/// <summary>The plans module's only entry points.</summary>
public static class PlansModule
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddModuleDb<PlansDb, PlansDbSqlite, PlansDbPostgres>(PlansDb.Module, order: 20);
        services.AddScoped<PlanUnits>();
        services.AddScoped<PlanOwners>();
        services.AddScoped<PlanImport>();
        services.AddScoped<PlanEditing>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<IIndicatorTargets, PlanIndicatorTargets>();
        services.AddScoped<StatusBoard>();
        services.AddScoped<PlanExportQuery>();
        // The shared PDF font (Qedu.Documents; Pdf:Font, formerly Plans:ReportFont) for the supervision report.
        services.AddQeduPdf();
        services.AddSingleton(new PageScript("_content/Qedu.Plans/plans.js"));
        services.AddSingleton(new NavItem(NavSections.Overview, 20, "/plans", "规划与督办", "Plans", Permissions.PlansRead));
        services.AddSupervision();
        services.AddScoped<IDemoSeedStep, PlansDemoSeedStep>();
        services.AddScoped(sp => new PlansOperations(sp.GetRequiredService<SupervisionQueries>()));
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlanEndpoints();
        endpoints.MapSupervisionEndpoints();
        endpoints.MapPlanExportEndpoints();
        return endpoints;
    }
}
