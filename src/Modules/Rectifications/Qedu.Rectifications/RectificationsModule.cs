using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Rectifications.Contracts;
using Qedu.Rectifications.Data;
using Qedu.Rectifications.DemoData;
using Qedu.Rectifications.Features.Board;
using Qedu.Rectifications.Features.Handling;
using Qedu.Rectifications.Items;

namespace Qedu.Rectifications;

/// <summary>The rectifications module's only entry points (整改, shared by plans, safety and inspection).</summary>
public static class RectificationsModule
{
    public static IServiceCollection AddRectifications(this IServiceCollection services)
    {
        // Before the modules that raise rectifications: their migrations may move rows here (the plans module's did).
        services.AddModuleDb<RectificationsDb, RectificationsDbSqlite, RectificationsDbPostgres>(RectificationsDb.Module, order: 15);
        services.AddScoped<RectificationService>();
        services.AddScoped<IRectifications>(sp => sp.GetRequiredService<RectificationService>());
        services.AddScoped<IWorkItems, RectificationWorkItems>();
        services.AddScoped<IDemoSeedStep, RectificationsDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Overview, 24, "/rectifications", "整改台账", "Rectifications", Permissions.RectificationRead));
        return services;
    }

    public static IEndpointRouteBuilder MapRectifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBoardEndpoints();
        endpoints.MapHandlingEndpoints();
        return endpoints;
    }
}
