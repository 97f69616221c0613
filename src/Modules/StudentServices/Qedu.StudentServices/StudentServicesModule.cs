using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.StudentServices.DemoData;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Features.Deadlines;

namespace Qedu.StudentServices;

/// <summary>The student services module's only entry points (M5: status changes, their clocks).</summary>
public static class StudentServicesModule
{
    public static IServiceCollection AddStudentServices(this IServiceCollection services)
    {
        services.AddModuleDb<StudentServicesDb, StudentServicesDbSqlite, StudentServicesDbPostgres>(StudentServicesDb.Module, order: 50);
        services.AddScoped<StatusChangeFlow>();
        services.AddScoped<ChangeDeadlines>();
        services.AddScoped<ChangeViews>();
        services.AddScoped<IDemoSeedStep, StudentServicesDemoSeedStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapStudentServices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapChangeEndpoints();
        endpoints.MapDeadlineEndpoints();
        return endpoints;
    }
}
