using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Plans.Tasks;

namespace Qedu.Plans.Features.Supervision;

/// <summary>The supervision part of the plans module, registered from <see cref="PlansModule"/> in one line.</summary>
internal static class SupervisionRegistration
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddScoped<TaskAccess>();
        services.AddScoped<SupervisionCommands>();
        services.AddScoped<SupervisionQueries>();
        services.AddScoped<IWorkItems, SupervisionWorkItems>();
        services.AddSingleton(new NavItem(NavSections.Overview, 21, "/plans/mine", "我的任务", "My tasks", Permissions.PlansReport));
        services.AddSingleton(new NavItem(NavSections.Overview, 22, "/plans/workload", "任务分布", "Workload", Permissions.PlansManage));
        services.AddSingleton(new NavItem(NavSections.Overview, 23, "/plans/overdue", "逾期督办", "Overdue", Permissions.PlansManage));
        return services;
    }
}
