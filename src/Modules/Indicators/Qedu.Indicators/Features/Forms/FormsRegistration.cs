using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Computation;
using Qedu.Indicators.Features.Forms.Definitions;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Web;

namespace Qedu.Indicators.Features.Forms;

/// <summary>The collection forms, registered from <see cref="IndicatorsModule"/> in one line each.</summary>
internal static class FormsRegistration
{
    public static IServiceCollection AddForms(this IServiceCollection services)
    {
        services.AddSingleton(_ => FormCatalog.BuiltIn());
        services.AddScoped<FormAccess>();
        services.AddScoped<FormCommands>();
        services.AddScoped<FormQueries>();
        services.AddScoped<IWorkItems, FormWorkItems>();
        services.AddScoped<IFactSource, FormFacts>();
        services.AddScoped<IDemoSeedStep, FormsDemoSeedStep>();
        // One permission per entry: everyone who fills in (report) or sends (manage) forms also reads indicators.
        services.AddSingleton(new NavItem(NavSections.Data, 40, "/indicators/forms", "数据填报", "Data collection", Permissions.IndicatorsRead));
        return services;
    }

    public static IEndpointRouteBuilder MapFormEndpoints(this IEndpointRouteBuilder endpoints)
    {
        FormEndpoints.Map(endpoints);
        return endpoints;
    }
}
