using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Family.Data;
using Qedu.Family.DemoData;
using Qedu.Family.Credits;
using Qedu.Family.Features.CareOffers;
using Qedu.Family.Features.Committees;
using Qedu.Family.Features.CourseSessions;
using Qedu.Family.Features.CreditProviders;
using Qedu.Family.Features.HomeVisits;
using Qedu.Family.Features.LearnerCredits;
using Qedu.Family.Features.ParentCare;
using Qedu.Family.Features.ParentCommittees;
using Qedu.Family.Features.ParentCourses;
using Qedu.Family.Features.TranscriptCheck;
using Qedu.Family.Visits;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;

namespace Qedu.Family;

/// <summary>The family and community module's only entry points (M10: after-school care, the credit bank, parent courses, parent committees and home visits).</summary>
public static class FamilyModule
{
    public static IServiceCollection AddFamily(this IServiceCollection services)
    {
        services.AddModuleDb<FamilyDb, FamilyDbSqlite, FamilyDbPostgres>(FamilyDb.Module, order: 125);
        services.AddScoped<FamilyAccess>();
        services.AddScoped<CareOffers>();
        services.AddScoped<ParentCare>();
        services.AddSingleton(CreditRules.Load());
        services.AddScoped<CreditRecords>();
        services.AddScoped<LearnerCredits>();
        services.AddScoped<TranscriptCheck>();
        services.AddScoped<CourseSessions>();
        services.AddScoped<ParentCourses>();
        services.AddScoped<Committees>();
        services.AddScoped<ParentCommittees>();
        services.AddScoped<VisitCoverage>();
        services.AddScoped<HomeVisits>();
        services.AddScoped<Contracts.IHomeVisits, HomeVisitFigures>();
        services.AddScoped<Contracts.IFamilySchool, FamilySchoolFigures>();
        services.AddScoped<IDemoSeedStep, FamilyDemoSeedStep>();
        services.AddSingleton(new NavItem(NavSections.Data, 36, "/family/care", "课后服务", "After-school care", Permissions.CareRead));
        services.AddSingleton(new NavItem(NavSections.Data, 38, "/family/visits", "温情家访", "Home visits", Permissions.VisitsRead));
        services.AddSingleton(new NavItem(NavSections.Data, 37, "/credits", "学分银行", "Credit bank", Permissions.CreditsRecord));
        services.AddSingleton(new NavItem(NavSections.Data, 39, "/family/courses", "家长大课堂", "Parent courses", Permissions.FamilySchoolRead));
        services.AddSingleton(new NavItem(NavSections.Data, 40, "/family/committees", "家长委员会", "Parent committees", Permissions.FamilySchoolRead));
        services.AddSingleton(new ParentNavItem(55, "/parent/courses", "家长大课堂", "Parent courses")
        {
            DescriptionZh = "学校和教育局举办的家庭教育讲座：在线报名、取消，查看讲义和课件",
            DescriptionEn = "Talks for parents by the schools and the bureaus: take or give back a seat, read the materials",
        });
        services.AddSingleton(new ParentNavItem(57, "/parent/committees", "家长委员会", "Parent committees")
        {
            DescriptionZh = "孩子学校和班级的家委会成员与会议纪要",
            DescriptionEn = "Your children's school and class parent committees: members and minutes",
        });
        services.AddSingleton(new ParentNavItem(60, "/parent/credits", "学分银行", "Credit bank")
        {
            DescriptionZh = "查看您存入学分银行的学习成果和学分，开具可核验的学分证明",
            DescriptionEn = "Your learning outcomes and credits; a transcript anyone can check",
        });
        services.AddSingleton(new ParentNavItem(35, "/parent/care", "课后服务", "After-school care")
        {
            DescriptionZh = "查看孩子学校的课后服务安排，在线报名或退出",
            DescriptionEn = "Your children's schools' after-school care: enrol or withdraw online",
        });
        return services;
    }

    public static IEndpointRouteBuilder MapFamily(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCareOfferEndpoints();
        endpoints.MapParentCareEndpoints();
        endpoints.MapCreditRecordEndpoints();
        endpoints.MapLearnerCreditEndpoints();
        endpoints.MapTranscriptCheckEndpoints();
        endpoints.MapCourseSessionEndpoints();
        endpoints.MapParentCourseEndpoints();
        endpoints.MapCommitteeEndpoints();
        endpoints.MapParentCommitteeEndpoints();
        endpoints.MapHomeVisitEndpoints();
        return endpoints;
    }
}
