using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.DemoCity;
using Qedu.Documents;
using Qedu.Kernel.Access;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.StudentServices.DemoData;
using Qedu.StudentServices.Contracts;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Statistics;
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
        services.AddQeduPdf();
        services.AddScoped<CompletedChanges>();
        services.AddScoped(sp => new StudentServicesOperations(
            sp.GetRequiredService<ChangeDeadlines>(), sp.GetRequiredService<Qedu.Kernel.OrgUnits.OrgTree>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IStudentServicesStatistics, StudentServicesStatistics>();
        services.AddScoped<IDemoSeedStep, StudentServicesDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Overview, 45, "/services/changes", "学籍异动", "Status changes", Permissions.StatusChangesReview));
        services.AddSingleton(new ParentNavItem(20, "/parent/services", "学籍业务", "Student status services")
        {
            DescriptionZh = "转学、休学、复学在线办理", DescriptionEn = "Transfer, suspension and resumption online",
        });
        return services;
    }

    public static IEndpointRouteBuilder MapStudentServices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapChangeEndpoints();
        endpoints.MapTransferLetterEndpoints();
        endpoints.MapDeadlineEndpoints();
        return endpoints;
    }
}
