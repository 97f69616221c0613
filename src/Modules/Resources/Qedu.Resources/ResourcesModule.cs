using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Resources.Data;
using Qedu.Resources.DemoData;
using Qedu.Resources.Features.Library;
using Qedu.Resources.Features.Pairings;
using Qedu.Resources.Features.Review;

namespace Qedu.Resources;

/// <summary>The resources module's only entry points (M9: the teaching resource library; urban–rural pairings and synchronous classrooms).</summary>
public static class ResourcesModule
{
    public static IServiceCollection AddResources(this IServiceCollection services)
    {
        services.AddModuleDb<ResourcesDb, ResourcesDbSqlite, ResourcesDbPostgres>(ResourcesDb.Module, order: 120);
        services.AddSingleton<ResourceLimits>();
        services.AddScoped<ResourcesAccess>();
        services.AddScoped<ResourceLines>();
        services.AddScoped<ResourceLibrary>();
        services.AddScoped<ResourceReviews>();
        services.AddScoped<SyncClassrooms>();
        services.AddScoped<Contracts.IResourcesStatistics, ResourcesStatistics>();
        services.AddScoped<IDemoSeedStep, ResourcesDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Data, 34, "/resources", "教学资源库", "Resource library", Permissions.ResourcesRead));
        services.AddSingleton(new NavItem(NavSections.Data, 34, "/resources/review", "资源审核", "Resource review", Permissions.ResourcesReview));
        services.AddSingleton(new NavItem(NavSections.Data, 34, "/resources/pairings", "结对与同步课堂", "Pairings and sync classrooms", Permissions.ResourcesRead));
        return services;
    }

    public static IEndpointRouteBuilder MapResources(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLibraryEndpoints();
        endpoints.MapReviewEndpoints();
        endpoints.MapPairingEndpoints();
        return endpoints;
    }
}
