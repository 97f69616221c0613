using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Inspection.Data;
using Qedu.Inspection.DemoData;
using Qedu.Inspection.Features.Assignments;
using Qedu.Inspection.Features.Evaluations;
using Qedu.Inspection.Features.Experts;
using Qedu.Inspection.Features.Visits;
using Qedu.Inspection.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Inspection;

/// <summary>The inspection module's only entry points (教育督导, M3).</summary>
public static class InspectionModule
{
    public static IServiceCollection AddInspection(this IServiceCollection services)
    {
        services.AddModuleDb<InspectionDb, InspectionDbSqlite, InspectionDbPostgres>(InspectionDb.Module, order: 105);
        services.AddSingleton(InspectionRules.Load());
        services.AddScoped<InspectionAccess>();
        services.AddScoped<InspectorAssignments>();
        services.AddScoped<InspectionVisits>();
        services.AddScoped<Evaluations>();
        services.AddScoped<ExpertLibrary>();
        services.AddScoped<IDemoSeedStep, InspectionDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Overview, 25, "/inspection", "教育督导", "Inspection", Permissions.InspectionRead));
        return services;
    }

    public static IEndpointRouteBuilder MapInspection(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAssignmentEndpoints();
        endpoints.MapVisitEndpoints();
        endpoints.MapEvaluationEndpoints();
        endpoints.MapExpertEndpoints();
        return endpoints;
    }
}
