using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Computation;
using Qedu.Indicators.Contracts;
using Qedu.Indicators.Data;
using Qedu.Indicators.DemoData;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Features.Compute;
using Qedu.Indicators.Features.Dashboard;
using Qedu.Indicators.Features.Forms;
using Qedu.Indicators.Features.Overview;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Indicators;

/// <summary>The indicators module's only entry points.</summary>
public static class IndicatorsModule
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddModuleDb<IndicatorsDb, IndicatorsDbSqlite, IndicatorsDbPostgres>(IndicatorsDb.Module, order: 30);
        services.AddSingleton(_ => IndicatorCatalog.BuiltIn());
        services.AddScoped<IFactSource, RegistryFacts>();
        services.AddScoped<IFactSource, AdmissionsFacts>();
        services.AddScoped<IFactSource, StudentServicesFacts>();
        services.AddScoped<IFactSource, ExamFacts>();
        services.AddScoped<IFactSource, SurveyFacts>();
        services.AddScoped<IFactSource, TeacherFacts>();
        services.AddScoped<IFactSource, GrowthFacts>();
        services.AddScoped<IFactSource, RectificationFacts>();
        services.AddScoped<IFactSource, FacilitiesFacts>();
        services.AddScoped<IFactSource, ResourcesFacts>();
        services.AddScoped<IFactSource, FamilyFacts>();
        services.AddScoped<SnapshotWriter>();
        services.AddScoped<IndicatorComputation>();
        // Public for the command line, built here: its constructor takes the module's internal computation.
        services.AddScoped(sp => new IndicatorsOperations(sp.GetRequiredService<IndicatorComputation>()));
        services.AddScoped<IIndicatorValues, IndicatorValues>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<DashboardExport>();
        services.AddScoped<OverviewQueries>();
        services.AddScoped<IDemoSeedStep, IndicatorsDemoSeedStep>();
        services.AddSingleton(new PageScript("_content/Qedu.Ui/qedu-charts.js"));
        // A bureau leader's page: not in a school's menu (a school has its own dashboard under 教育指标).
        services.AddSingleton(new NavItem(NavSections.Overview, 5, "/indicators/overview", "领导驾驶舱", "Leader overview", Permissions.IndicatorsRead) { BureauOnly = true });
        services.AddSingleton(new NavItem(NavSections.Overview, 30, "/indicators", "教育指标", "Indicators", Permissions.IndicatorsRead));
        services.AddForms();
        return services;
    }

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapComputeEndpoints();
        endpoints.MapDashboardEndpoints();
        endpoints.MapFormEndpoints();
        return endpoints;
    }
}
