using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Data;
using Qedu.Growth.DemoData;
using Qedu.Growth.Features.Health;
using Qedu.Growth.Features.HealthFiles;
using Qedu.Growth.Features.Mental;
using Qedu.Growth.Health;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Growth;

/// <summary>The growth module's only entry points (M7: 学生成长).</summary>
public static class GrowthModule
{
    public static IServiceCollection AddGrowth(this IServiceCollection services)
    {
        services.AddModuleDb<GrowthDb, GrowthDbSqlite, GrowthDbPostgres>(GrowthDb.Module, order: 90);
        services.AddSingleton(FitnessStandard.Load());
        services.AddSingleton(VisionRules.Load());
        services.AddSingleton(MentalRules.Load());
        services.AddScoped<GrowthAccess>();
        // One file per import: the reader keeps that file's problems.
        services.AddTransient<HealthFile>();
        services.AddScoped<HealthTally>();
        services.AddScoped<HealthOverview>();
        services.AddScoped<FitnessImport>();
        services.AddScoped<VisionImport>();
        services.AddScoped<MentalCare>();
        services.AddScoped<Contracts.IGrowthStatistics, GrowthStatistics>();
        services.AddScoped<IDemoSeedStep, GrowthDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/health", "体质与视力", "Fitness and vision", Permissions.GrowthRead));
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/mental", "心理健康", "Mental health", Permissions.GrowthRead));
        return services;
    }

    public static IEndpointRouteBuilder MapGrowth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapHealthFileEndpoints();
        endpoints.MapMentalEndpoints();
        return endpoints;
    }
}
