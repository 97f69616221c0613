using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Facilities.Data;
using Qedu.Facilities.DemoData;
using Qedu.Facilities.Features.Projects;
using Qedu.Facilities.Features.Seats;
using Qedu.Facilities.Features.Zones;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Facilities;

/// <summary>The facilities module's only entry points (M11: 学位预警 and school construction projects).</summary>
public static class FacilitiesModule
{
    public static IServiceCollection AddFacilities(this IServiceCollection services)
    {
        services.AddModuleDb<FacilitiesDb, FacilitiesDbSqlite, FacilitiesDbPostgres>(FacilitiesDb.Module, order: 110);
        services.AddScoped<FacilitiesAccess>();
        services.AddScoped<FacilityZones>();
        services.AddScoped<BirthsImport>();
        services.AddScoped<ZoneSeatForecast>();
        services.AddScoped<SeatOutlook>();
        services.AddScoped<Contracts.IFacilitiesStatistics, FacilitiesStatistics>();
        services.AddScoped<FacilityProjects>();
        services.AddScoped<IDemoSeedStep, FacilitiesDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Data, 32, "/facilities/seats", "学位预警", "Seat forecast", Permissions.FacilitiesRead));
        services.AddSingleton(new NavItem(NavSections.Data, 32, "/facilities/projects", "学校建设项目", "Construction projects", Permissions.FacilitiesRead));
        return services;
    }

    public static IEndpointRouteBuilder MapFacilities(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapZoneEndpoints();
        endpoints.MapSeatEndpoints();
        endpoints.MapProjectEndpoints();
        return endpoints;
    }
}
