using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Family.Data;
using Qedu.Family.DemoData;
using Qedu.Family.Features.CareOffers;
using Qedu.Family.Features.ParentCare;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Family;

/// <summary>The family and community module's only entry points (M10: after-school care so far).</summary>
public static class FamilyModule
{
    public static IServiceCollection AddFamily(this IServiceCollection services)
    {
        services.AddModuleDb<FamilyDb, FamilyDbSqlite, FamilyDbPostgres>(FamilyDb.Module, order: 125);
        services.AddScoped<FamilyAccess>();
        services.AddScoped<CareOffers>();
        services.AddScoped<ParentCare>();
        services.AddScoped<IDemoSeedStep, FamilyDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Data, 36, "/family/care", "课后服务", "After-school care", Permissions.CareRead));
        services.AddSingleton(new ParentNavItem(35, "/parent/care", "课后服务", "After-school care")
        {
            DescriptionZh = "查看孩子学校的课后服务安排，在线报名或退出",
            DescriptionEn = "Your children's schools' after-school care: enrol or withdraw online",
        });
        return services;
    }

    public static IEndpointRouteBuilder MapFamily(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCareOfferEndpoints();
        endpoints.MapParentCareEndpoints();
        return endpoints;
    }
}
