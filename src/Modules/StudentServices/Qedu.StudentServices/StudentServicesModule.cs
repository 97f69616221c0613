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
using Qedu.StudentServices.Catalogue;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Features.Deadlines;
using Qedu.StudentServices.Features.Dropouts;
using Qedu.StudentServices.Ratings;
using Qedu.StudentServices.Features.Catalogue;
using Qedu.StudentServices.Features.Ratings;
using Qedu.StudentServices.Features.Dashboard;

namespace Qedu.StudentServices;

/// <summary>The student services module's only entry points (M5: status changes and their clocks, the 一次办好 catalogue, 好差评, the 控辍保学 ledger).</summary>
public static class StudentServicesModule
{
    public static IServiceCollection AddStudentServices(this IServiceCollection services)
    {
        services.AddModuleDb<StudentServicesDb, StudentServicesDbSqlite, StudentServicesDbPostgres>(StudentServicesDb.Module, order: 50);
        services.AddScoped<IReferenceData, DefaultCatalogue>();
        services.AddScoped<ServiceCatalogue>();
        services.AddScoped<StatusChangeFlow>();
        services.AddScoped<ChangeMaterials>();
        services.AddScoped<ChangeDeadlines>();
        services.AddScoped<ChangeViews>();
        services.AddScoped<ServiceRatings>();
        services.AddScoped<ServiceDashboard>();
        services.AddScoped<DropoutLedger>();
        services.AddQeduPdf();
        services.AddScoped<CompletedChanges>();
        services.AddScoped(sp => new StudentServicesOperations(
            sp.GetRequiredService<ChangeDeadlines>(), sp.GetRequiredService<ServiceRatings>(), sp.GetRequiredService<DropoutLedger>(),
            sp.GetRequiredService<Qedu.Kernel.Calendar.WorkingCalendar>(), sp.GetRequiredService<Qedu.Kernel.OrgUnits.OrgTree>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IStudentServicesStatistics, StudentServicesStatistics>();
        services.AddScoped<IDemoSeedStep, StudentServicesDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Overview, 45, "/services/changes", "学籍异动", "Status changes", Permissions.StatusChangesReview));
        services.AddSingleton(new NavItem(NavSections.Overview, 46, "/services/dashboard", "一次办好", "One-visit services", Permissions.StatusChangesReview));
        services.AddSingleton(new NavItem(NavSections.Overview, 48, "/services/dropouts", "控辍保学", "Dropout follow-up", Permissions.StatusChangesReview));
        services.AddSingleton(new NavItem(NavSections.Overview, 47, "/services/catalogue", "办事指南", "Service catalogue", Permissions.ServiceCatalogueManage));
        services.AddSingleton(new ParentNavItem(30, "/service-guide", "办事指南", "Service guide")
        {
            DescriptionZh = "一次办好事项：条件、材料、流程、时限", DescriptionEn = "One-visit services: conditions, materials, steps, limits",
            Public = true,
        });
        services.AddSingleton(new ParentNavItem(20, "/parent/services", "学籍业务", "Student status services")
        {
            DescriptionZh = "转学、休学、复学在线办理", DescriptionEn = "Transfer, suspension and resumption online",
        });
        return services;
    }

    public static IEndpointRouteBuilder MapStudentServices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapChangeEndpoints();
        endpoints.MapMaterialEndpoints();
        endpoints.MapTransferLetterEndpoints();
        endpoints.MapDeadlineEndpoints();
        endpoints.MapCatalogueEndpoints();
        endpoints.MapRatingEndpoints();
        endpoints.MapDashboardEndpoints();
        endpoints.MapDropoutEndpoints();
        return endpoints;
    }
}
