using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Data;
using Qedu.Growth.DemoData;
using Qedu.Growth.Features.Aid;
using Qedu.Growth.Features.Care;
using Qedu.Growth.Features.Health;
using Qedu.Growth.Features.HealthFiles;
using Qedu.Growth.Features.HomeTeaching;
using Qedu.Growth.Features.Mental;
using Qedu.Growth.Features.Practice;
using Qedu.Growth.Features.Records;
using Qedu.Growth.Health;
using Qedu.Growth.Retention;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Growth;

/// <summary>The growth module's only entry points (M7: 学生成长).</summary>
public static class GrowthModule
{
    public static IServiceCollection AddGrowth(this IServiceCollection services)
    {
        services.AddModuleDb<GrowthDb, GrowthDbSqlite, GrowthDbPostgres>(GrowthDb.Module, order: 90);
        services.AddSingleton(FitnessStandard.Load());
        services.AddSingleton(VisionRules.Load());
        services.AddSingleton(MentalRules.Load());
        services.AddSingleton(PracticeRules.Load());
        services.AddSingleton(AidRules.Load());
        services.AddSingleton(RecordRules.Load());
        services.AddSingleton(HomeTeachingRules.Load());
        services.AddSingleton(RetentionRules.Load());
        services.AddScoped<GrowthRetention>();
        services.AddScoped(sp => new GrowthOperations(sp.GetRequiredService<GrowthRetention>()));
        services.AddScoped<GrowthAccess>();
        // One file per import: the reader keeps that file's problems.
        services.AddTransient<HealthFile>();
        services.AddScoped<HealthTally>();
        services.AddScoped<HealthOverview>();
        services.AddScoped<FitnessImport>();
        services.AddScoped<VisionImport>();
        services.AddScoped<MentalCare>();
        services.AddScoped<SocialClassrooms>();
        services.AddScoped<StudyTrips>();
        services.AddScoped<StudentAid>();
        services.AddScoped<GrowthRecords>();
        services.AddScoped<ChildCare>();
        services.AddScoped<HomeTeaching>();
        services.AddScoped<Contracts.IGrowthStatistics, GrowthStatistics>();
        services.AddScoped<IDemoSeedStep, GrowthDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/health", "体质与视力", "Fitness and vision", Permissions.GrowthRead));
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/mental", "心理健康", "Mental health", Permissions.GrowthRead));
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/practice", "社会课堂", "Social classrooms", Permissions.GrowthRead));
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/practice/trips", "研学旅行", "Study trips", Permissions.GrowthPractice));
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/aid", "学生资助", "Student aid", Permissions.GrowthAid));
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/home-teaching", "送教上门", "Teaching at home", Permissions.GrowthCare));
        services.AddSingleton(new NavItem(NavSections.Data, 29, "/growth/care", "留守儿童关爱", "Left-behind children", Permissions.GrowthCare));
        services.AddSingleton(new NavItem(NavSections.Data, 28, "/growth/records", "成长档案", "Growth records", Permissions.GrowthRecord));
        services.AddSingleton(new ParentNavItem(50, "/parent/practice", "社会实践", "Practice days")
        {
            DescriptionZh = "孩子本学年在社会课堂的实践天数；在场馆扫码为孩子签到",
            DescriptionEn = "Your child's practice days at social classrooms this school year; scan the code at a venue to check in",
        });
        services.AddSingleton(new ParentNavItem(45, "/parent/growth", "成长档案", "Growth record")
        {
            DescriptionZh = "孩子的“十个一”进度和综合素质评价记录；上传证书、作品照片，打印成长手册",
            DescriptionEn = "Your child's 十个一 progress and growth record; send certificates or photos of work, print the handbook",
        });
        return services;
    }

    public static IEndpointRouteBuilder MapGrowth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapHealthFileEndpoints();
        endpoints.MapMentalEndpoints();
        endpoints.MapPracticeEndpoints();
        endpoints.MapAidEndpoints();
        endpoints.MapRecordEndpoints();
        endpoints.MapCareEndpoints();
        endpoints.MapHomeTeachingEndpoints();
        return endpoints;
    }
}
