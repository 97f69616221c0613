using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Surveys.Contracts;
using Qedu.Surveys.Data;
using Qedu.Surveys.DemoData;
using Qedu.Surveys.Features.Distribute;
using Qedu.Surveys.Features.Manage;
using Qedu.Surveys.Features.Respond;
using Qedu.Surveys.Features.Results;
using Qedu.Surveys.Questionnaires;

namespace Qedu.Surveys;

/// <summary>The surveys module's only entry points (M6: satisfaction surveys, 满意度评价).</summary>
public static class SurveysModule
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddModuleDb<SurveysDb, SurveysDbSqlite, SurveysDbPostgres>(SurveysDb.Module, order: 70);
        services.AddScoped<IReferenceData, StandardQuestionnaires>();
        services.AddScoped<SurveyAccess>();
        services.AddScoped<SurveyList>();
        services.AddScoped<SurveyCreation>();
        services.AddScoped<SurveyLinks>();
        services.AddScoped<SurveyAnswers>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<SurveyClosing>();
        services.AddScoped<ISurveyStatistics, SurveyStatistics>();
        services.AddScoped<IDemoSeedStep, SurveysDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Overview, 55, "/surveys", "满意度评价", "Satisfaction surveys", Permissions.SurveysRead));
        return services;
    }

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapManageEndpoints();
        endpoints.MapDistributeEndpoints();
        endpoints.MapRespondEndpoints();
        endpoints.MapResultsEndpoints();
        return endpoints;
    }
}
