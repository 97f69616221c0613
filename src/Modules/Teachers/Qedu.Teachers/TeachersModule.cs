using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Teachers.Data;
using Qedu.Teachers.DemoData;
using Qedu.Teachers.Ethics;
using Qedu.Teachers.Features.Establishment;
using Qedu.Teachers.Features.Ethics;
using Qedu.Teachers.Features.Overview;
using Qedu.Teachers.Features.Profile;
using Qedu.Teachers.Features.Reports;
using Qedu.Teachers.Features.Rotation;
using Qedu.Teachers.Features.Rural;
using Qedu.Teachers.Features.Training;
using Qedu.Teachers.Rotation;
using Qedu.Teachers.Rules;
using Qedu.Teachers.Training;

namespace Qedu.Teachers;

/// <summary>The teachers module's only entry points (M8: 教师队伍).</summary>
public static class TeachersModule
{
    public static IServiceCollection AddTeachers(this IServiceCollection services)
    {
        services.AddModuleDb<TeachersDb, TeachersDbSqlite, TeachersDbPostgres>(TeachersDb.Module, order: 80);
        services.AddSingleton(TeacherRules.Load());
        services.AddScoped<TeacherAccess>();
        services.AddScoped<TeacherProfiles>();
        services.AddScoped<RecordWrites>();
        services.AddScoped<EstablishmentReport>();
        services.AddScoped<TeacherOverview>();
        services.AddScoped<EthicsBars>();
        services.AddScoped<EthicsReviews>();
        services.AddScoped<ReportChannel>();
        services.AddScoped<ReportHandling>();
        services.AddScoped<ReportContacts>();
        services.AddScoped<TrainingTally>();
        services.AddScoped<Contracts.ITeacherStatistics, TeacherStatistics>();
        services.AddScoped<TrainingCompliance>();
        services.AddScoped<TrainingLedger>();
        services.AddScoped<HoursImport>();
        services.AddScoped<TrainingCatalogue>();
        services.AddScoped<RotationDue>();
        services.AddScoped<RotationMoves>();
        services.AddScoped<RotationPlans>();
        services.AddScoped<RuralReport>();
        services.AddScoped<IDemoSeedStep, TeachersDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Data, 26, "/teachers", "教师队伍", "Teachers", Permissions.TeachersRead));
        services.AddSingleton(new NavItem(NavSections.Data, 27, "/teachers/ethics", "师德考核", "Ethics reviews", Permissions.TeachersEthics));
        services.AddSingleton(new NavItem(NavSections.Data, 27, "/teachers/training", "继续教育", "Teacher training", Permissions.TeachersRead));
        services.AddSingleton(new NavItem(NavSections.Data, 27, "/teachers/rotation", "交流轮岗", "Teacher rotation", Permissions.TeachersRead));
        services.AddSingleton(new NavItem(NavSections.Data, 28, "/teachers/reports", "师德举报", "Teacher reports", Permissions.TeachersReportsHandle));
        return services;
    }

    public static IEndpointRouteBuilder MapTeachers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOverviewEndpoints();
        endpoints.MapEstablishmentEndpoints();
        endpoints.MapProfileEndpoints();
        endpoints.MapRecordEndpoints();
        endpoints.MapEthicsEndpoints();
        endpoints.MapReportEndpoints();
        endpoints.MapTrainingEndpoints();
        endpoints.MapRotationEndpoints();
        endpoints.MapRuralEndpoints();
        return endpoints;
    }
}
