using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;
using Qedu.Registry.DemoData;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Export;
using Qedu.Registry.Features.ChangeFeed;
using Qedu.Registry.Features.Classes;
using Qedu.Registry.Features.Import;
using Qedu.Registry.Features.OneRoster;
using Qedu.Registry.Features.RecordApi;
using Qedu.Registry.Features.SchoolProfiles;
using Qedu.Registry.Features.StaffList;
using Qedu.Registry.Features.Students;
using Qedu.Registry.Import;
using Qedu.Registry.Kinds;
using Qedu.Registry.Mirror;
using Qedu.Registry.Records;
using Qedu.Registry.Statistics;
using Qedu.Registry.Writes;

namespace Qedu.Registry;

/// <summary>The registry module's only entry points.</summary>
public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddModuleDb<RegistryDb, RegistryDbSqlite, RegistryDbPostgres>(
            RegistryDb.Module, order: 10, sp => new ChangeFeedInterceptor(sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ISchoolProfiles, SchoolProfileQueries>();
        services.AddScoped<IFamilyRecords, Qedu.Registry.Features.Families.FamilyRecords>();
        services.AddScoped<IRegistryStatistics, RegistryStatistics>();
        services.AddScoped<StudentQueries>();
        services.AddScoped<StaffQueries>();
        services.AddScoped<StudentCommands>();
        services.AddScoped<IStudentIntake, StudentIntake>();
        services.AddScoped<IStudentMoves, StudentMoves>();
        services.AddScoped<IStaffMoves, StaffMoves>();
        services.AddScoped<IStudentRoster, Qedu.Registry.Roster.StudentRoster>();
        services.AddScoped<IStaffDirectory, Qedu.Registry.Roster.StaffDirectory>();
        services.AddScoped<StudentWrites>();
        services.AddScoped<StudentPageWrites>();
        services.AddScoped<RecordBodyReader>();
        services.AddScoped<RecordWriteApi>();
        services.AddScoped<ClassWrites>();
        services.AddScoped<StaffWrites>();
        services.AddScoped<AssetWrites>();
        services.AddScoped<ClassQueries>();
        services.AddSingleton(new NavItem(NavSections.Data, 10, "/registry/students", "学生学籍", "Students", Permissions.RegistryRead));
        services.AddSingleton(new NavItem(NavSections.Data, 20, "/registry/classes", "班级", "Classes", Permissions.RegistryRead));
        services.AddSingleton(new NavItem(NavSections.Data, 25, "/registry/staff", "教职工", "Staff", Permissions.RegistryRead));
        services.AddSingleton(new PageScript("_content/Qedu.Registry/import.js"));
        services.AddSingleton(new NavItem(NavSections.Data, 30, "/registry/import", "学籍数据导入", "Registry import", Permissions.RegistryWrite));
        services.AddScoped<ChangeFeedQuery>();
        services.AddScoped<ExchangeData>();
        services.AddScoped<RegistryBulkWriter>();
        services.AddSingleton(ResidentIdEncryptionStep.Step);
        services.AddScoped<RecordContextFactory>();
        services.AddScoped<RegistryImporter>();
        services.AddSingleton<ImportJobs>();
        services.AddScoped<IWorkItems, ImportWorkItems>();
        services.AddScoped<RegistryExporter>();
        // Registry:Import in configuration when the host has it (the web host); the defaults otherwise (the command line).
        services.AddOptions<ImportOptions>().Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection("Registry:Import").Bind(o));
        services.AddHttpClient(RegistryMirror.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(2));
        // Public for the hosts, built here: its constructor takes the module's internal context.
        services.AddScoped(sp => new RegistryMirror(
            sp.GetRequiredService<RegistryDb>(), sp.GetRequiredService<OrgTree>(), sp.GetRequiredService<ICurrentAccess>(),
            sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new OneRosterExport(
            sp.GetRequiredService<RegistryDb>(), sp.GetRequiredService<OrgTree>(), sp.GetRequiredService<PersonalDataAccess>(),
            sp.GetRequiredService<PersonalDataExports>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<OneRosterImport>();
        services.AddScoped(sp => new RegistryOperations(sp));
        services.AddOptions<OneRosterImportOptions>().Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection("Registry:OneRoster").Bind(o));
        services.AddScoped<IDemoSeedStep, RegistryDemoSeedStep>();
        return services;
    }

    /// <summary>URL segments of the registry's kinds that are people, as the audit log names them.</summary>
    private static readonly Dictionary<string, string> PersonalKinds = RegistryKinds.All.Where(k => k.HasPersonalData)
        .ToDictionary(k => k.UrlName, k => k.EntityType, StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSchoolProfiles();
        // Personal data (students, guardians, staff and their exports): a 403 or 404 answered there is an audit line.
        var students = endpoints.MapGroup("").WithMetadata(new PersonalDataEndpointAttribute(nameof(Student)));
        students.MapStudents();
        students.MapStudentWrites();
        var people = endpoints.MapGroup("").WithMetadata(PersonalDataEndpointAttribute.ByKind("/api/registry", PersonalKinds));
        people.MapRecordWrites();
        endpoints.MapChangeFeed();
        people.MapRecordReads();
        people.MapRegistryFiles();
        endpoints.MapOneRoster();
        return endpoints;
    }
}
