using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions;
using Qedu.Exams;
using Qedu.Facilities;
using Qedu.Family;
using Qedu.Growth;
using Qedu.Indicators;
using Qedu.Inspection;
using Qedu.Organisation;
using Qedu.Plans;
using Qedu.Rectifications;
using Qedu.Registry;
using Qedu.Resources;
using Qedu.Safety;
using Qedu.StudentServices;
using Qedu.Surveys;
using Qedu.Teachers;

namespace Qedu.Modules;

/// <summary>Every module of Qedu: their services, their endpoints and the assemblies that hold their pages.</summary>
public static class QeduModules
{
    public static readonly Assembly[] PageAssemblies =
    [
        typeof(OrganisationModule).Assembly,
        typeof(RegistryModule).Assembly,
        typeof(RectificationsModule).Assembly,
        typeof(PlansModule).Assembly,
        typeof(IndicatorsModule).Assembly,
        typeof(AdmissionsModule).Assembly,
        typeof(StudentServicesModule).Assembly,
        typeof(ExamsModule).Assembly,
        typeof(SurveysModule).Assembly,
        typeof(TeachersModule).Assembly,
        typeof(GrowthModule).Assembly,
        typeof(SafetyModule).Assembly,
        typeof(InspectionModule).Assembly,
        typeof(FacilitiesModule).Assembly,
        typeof(FamilyModule).Assembly,
        typeof(ResourcesModule).Assembly,
    ];

    public static IServiceCollection AddQeduModules(this IServiceCollection services) =>
        services.AddOrganisation().AddRegistry().AddRectifications().AddPlans().AddIndicators().AddAdmissions().AddStudentServices().AddExams().AddSurveys().AddTeachers().AddGrowth().AddSafety().AddInspection().AddFacilities().AddFamily().AddResources();

    public static IEndpointRouteBuilder MapQeduModules(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOrganisation().MapRegistry().MapRectifications().MapPlans().MapIndicators().MapAdmissions().MapStudentServices().MapExams().MapSurveys().MapTeachers().MapGrowth().MapSafety().MapInspection().MapFacilities().MapFamily().MapResources();
}
