using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel;

public static class KernelServiceCollectionExtensions
{
    /// <summary>
    /// The kernel's services, shared by the web host and the command line: the database, scoping, audit, code lists,
    /// accounts (ASP.NET Core Identity stores) and OpenID Connect client storage.
    /// </summary>
    public static IServiceCollection AddQeduKernel(this IServiceCollection services, DatabaseSettings database, AccessContext outsideRequests)
    {
        services.AddSingleton(database);
        services.AddSingleton(new AccessDefaults(outsideRequests));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentAccess>();
        services.AddScoped<ICurrentAccess>(sp => sp.GetRequiredService<CurrentAccess>());
        services.AddScoped<AccessResolver>();
        services.AddScoped<ScopeWriteGuard>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<PersonalDataAccess>();
        services.AddModuleDb<KernelDb, KernelDbSqlite, KernelDbPostgres>(ModuleModel.KernelModule, order: 0);
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<CodeListSync>();
        services.AddSingleton<CodeBook>();
        services.AddScoped<OrgTree>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IDemoSeedStep, KernelDemoSeedStep>();

        services.AddIdentityCore<QeduUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<KernelDb>()
            .AddDefaultTokenProviders();

        services.AddOpenIddict().AddCore(o => o.UseEntityFrameworkCore().UseDbContext<KernelDb>());
        return services;
    }
}
