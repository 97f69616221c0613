using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Contracts;
using Qedu.Admissions.Data;
using Qedu.Admissions.DemoData;
using Qedu.Admissions.Features.Appeals;
using Qedu.Admissions.Features.Allocation;
using Qedu.Admissions.Features.Apply;
using Qedu.Admissions.Features.Coordination;
using Qedu.Admissions.Features.Draws;
using Qedu.Admissions.Features.Intake;
using Qedu.Admissions.Features.Review;
using Qedu.Admissions.Features.Seasons;
using Qedu.Admissions.Features.Setup;
using Qedu.Admissions.Features.Verification;
using Qedu.Admissions.Materials;
using Qedu.Admissions.Retention;
using Qedu.Admissions.Rules;
using Qedu.Admissions.Statistics;
using Qedu.Documents;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Admissions;

/// <summary>The admissions module's only entry points.</summary>
public static class AdmissionsModule
{
    public static IServiceCollection AddAdmissions(this IServiceCollection services)
    {
        services.AddSingleton<ApplicationStatuses>();
        services.AddSingleton<AdmissionsSaves>();
        services.AddModuleDb<AdmissionsDb, AdmissionsDbSqlite, AdmissionsDbPostgres>(AdmissionsDb.Module, order: 40,
            sp => sp.GetRequiredService<AdmissionsSaves>());
        services.AddScoped<SeasonRules>();
        services.AddSingleton<SeasonSnapshots>();
        services.AddScoped<SeasonManagers>();
        services.AddScoped<ParentApplications>();
        services.AddSingleton<SubmissionBatches>();
        services.AddScoped<ApplicationReview>();
        services.AddScoped<SeasonStatistics>();
        services.AddScoped<ApplicationMaterials>();
        services.AddQeduPdf();
        services.AddScoped<SeasonAllocation>();
        services.AddScoped<SeasonDraw>();
        services.AddScoped<PublicDraws>();
        services.AddScoped<SeasonSetup>();
        services.AddScoped<SeasonCoordination>();
        services.AddScoped<ZoneListImport>();
        services.AddScoped<ExchangeFileImport>();
        services.AddScoped<AdmissionsRetention>();
        services.AddScoped<SeasonIntake>();
        services.AddScoped<SeasonAppeals>();
        services.AddScoped<IAdmissionsStatistics, AdmissionsStatistics>();
        services.AddScoped(sp => new AdmissionsOperations(sp.GetRequiredService<AdmissionsRetention>(), sp.GetRequiredService<SeasonIntake>(), sp.GetRequiredService<AdmissionsDb>()));
        services.AddScoped<IDemoSeedStep, AdmissionsDemoSeedStep>();
        services.AddSingleton(new ParentNavItem(10, "/parent/admissions", "入学报名", "School admission")
        {
            DescriptionZh = "在线报名，查看审核进度和录取结果",
            DescriptionEn = "Apply online; follow the review and the result",
        });
        services.AddSingleton(new NavItem(NavSections.Overview, 40, "/admissions", "招生入学", "Admissions", Permissions.AdmissionsReview));
        return services;
    }

    public static IEndpointRouteBuilder MapAdmissions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSubmissionEndpoints();
        endpoints.MapMaterialEndpoints();
        endpoints.MapOfferLetterEndpoints();
        endpoints.MapReviewMaterialEndpoints();
        endpoints.MapSetupEndpoints();
        endpoints.MapDrawEndpoints();
        return endpoints;
    }
}
