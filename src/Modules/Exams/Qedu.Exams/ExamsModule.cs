using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Documents;
using Qedu.Exams.Analysis;
using Qedu.Exams.Contracts;
using Qedu.Exams.Data;
using Qedu.Exams.DemoData;
using Qedu.Exams.Features.Exams;
using Qedu.Exams.Features.Import;
using Qedu.Exams.Features.ScoreReports;
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
        services.AddScoped<ItemImport>();
        services.AddScoped<ExamFigures>();
        services.AddScoped<SupportList>();
        services.AddScoped<ExamRelease>();
        services.AddScoped<ExamThresholds>();
        services.AddScoped<ScoreReports>();
        services.AddQeduPdf();
        services.AddScoped<IExamStatistics, ExamStatistics>();
        services.AddScoped(sp => new ExamsOperations(sp.GetRequiredService<ScoreImport>(), sp.GetRequiredService<ExamAnalyser>(),
            sp.GetRequiredService<ValueAddedRunner>(), sp.GetRequiredService<ExamsDb>(), sp.GetRequiredService<ItemImport>()));
        services.AddScoped<IDemoSeedStep, ExamsDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Overview, 50, "/exams", "考试分析", "Exam analysis", Permissions.ExamsRead));
        services.AddSingleton(new ParentNavItem(40, "/parent/exams", "成绩报告单", "Score reports")
        {
            DescriptionZh = "孩子在已发布考试中的各科成绩、等级和位置段，可下载成绩报告单",
            DescriptionEn = "Your child's scores, grades and position bands in released exams, with the report to print",
        });
        return services;
    }

    public static IEndpointRouteBuilder MapExams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapExamEndpoints();
        endpoints.MapImportEndpoints();
        endpoints.MapValueAddedEndpoints();
        endpoints.MapSupportListEndpoints();
        endpoints.MapScoreReportEndpoints();
        return endpoints;
    }
}
