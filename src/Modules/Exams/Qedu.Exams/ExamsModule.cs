using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Exams.Analysis;
using Qedu.Exams.Contracts;
using Qedu.Exams.Data;
using Qedu.Exams.DemoData;
using Qedu.Exams.Features.Exams;
using Qedu.Exams.Features.Import;
using Qedu.Exams.Features.SupportList;
using Qedu.Exams.Features.ValueAdded;
using Qedu.Exams.Import;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Exams;

/// <summary>The exams module's only entry points (M6: score intake, analysis per level, value-added).</summary>
public static class ExamsModule
{
    public static IServiceCollection AddExams(this IServiceCollection services)
    {
        services.AddModuleDb<ExamsDb, ExamsDbSqlite, ExamsDbPostgres>(ExamsDb.Module, order: 60);
        services.AddScoped<ExamAccess>();
        services.AddScoped<ScoreWriter>();
        services.AddScoped<ScoreImport>();
        services.AddScoped<ExamAnalyser>();
        services.AddScoped<ValueAddedRunner>();
        services.AddScoped<ScoreUpload>();
        services.AddScoped<ExamFigures>();
        services.AddScoped<SupportList>();
        services.AddScoped<IExamStatistics, ExamStatistics>();
        services.AddScoped(sp => new ExamsOperations(sp.GetRequiredService<ScoreImport>(), sp.GetRequiredService<ExamAnalyser>(),
            sp.GetRequiredService<ValueAddedRunner>(), sp.GetRequiredService<ExamsDb>()));
        services.AddScoped<IDemoSeedStep, ExamsDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Overview, 50, "/exams", "考试分析", "Exam analysis", Permissions.ExamsRead));
        return services;
    }

    public static IEndpointRouteBuilder MapExams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapExamEndpoints();
        endpoints.MapImportEndpoints();
        endpoints.MapValueAddedEndpoints();
        endpoints.MapSupportListEndpoints();
        return endpoints;
    }
}
