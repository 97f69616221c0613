using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Files;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Identity.Passwords;
using Qedu.Kernel.Messaging;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel;

public static class KernelServiceCollectionExtensions
{
    /// <summary>
    /// The kernel's services, shared by the web host and the command line: the database, scoping, audit, code lists,
    /// accounts (ASP.NET Core Identity stores), OpenID Connect client storage, text messages and one-time codes, file
    /// storage by content hash (<see cref="IFileStore"/>: a host that has settings registers its store first with
    /// <see cref="FileStores.AddQeduFileStore"/>; otherwise the default for the database, <see cref="FileStores.Choose"/>).
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
        services.AddSingleton<ScopeWriteGuard>();
        // The audit log's keys and checkpoints: a host that has an Audit section registers its AuditOptions first.
        services.TryAddSingleton(sp => new AuditOptions
        {
            CheckpointDirectory = AuditOptions.DefaultCheckpointDirectory(sp.GetRequiredService<SecretKeys>().Directory),
        });
        services.AddSingleton<AuditKeys>();
        // Which Idempotency-Keys are running on this node (their records live with each module's data).
        services.AddSingleton<Idempotency.IdempotencyKeys>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditArchiver>();
        services.AddScoped<PersonalDataAccess>();
        services.AddScoped<PersonalDataExports>();
        services.AddSingleton<FieldEncryption>();
        services.AddScoped<KeyFingerprints>();
        services.AddModuleDb<KernelDb, KernelDbSqlite, KernelDbPostgres>(ModuleModel.KernelModule, order: 0);
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<CodeListSync>();
        services.AddSingleton<WorkingCalendar>();
        services.AddScoped<CalendarSync>();
        services.AddScoped<CalendarImport>();
        services.AddSingleton<CalendarListing>();
        services.AddSingleton<CodeBook>();
        services.AddSingleton<OrgCodes>();
        services.AddScoped(typeof(Deferred<>));
        services.AddScoped<OrgTree>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IDemoSeedStep, KernelDemoSeedStep>();

        services.AddOptions<AccountSecurityOptions>();
        services.AddScoped<UserSessions>();
        services.AddScoped<SignInThrottling>();
        services.AddScoped<SignInRecords>();
        AddSms(services);
        services.AddScoped<OneTimeCodes>();
        services.AddSingleton<ParentSessionMemory>();
        services.AddScoped<ParentAccounts>();
        services.TryAddSingleton<IFileStore>(sp => FileStores.Choose(null, database) == FileStoreKind.Database
            ? ActivatorUtilities.CreateInstance<DatabaseFileStore>(sp)
            : new DiskFileStore(DiskFileStore.DefaultDirectory(database,
                sp.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory())));
        services.AddIdentityCore<QeduUser>(o =>
            {
                // Password rules are PolicyPasswordValidator's (length, common passwords, names), not Identity's
                // composition rules, which ASVS 6.2.5 advises against.
                o.Password.RequiredLength = 1;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Identity's lockout is per account, so a stranger who knows a user name could lock its owner out;
                // SignInThrottling counts failures per account and client address instead.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserManager<QeduUserManager>()
            .AddSignInManager()
            .AddEntityFrameworkStores<KernelDb>()
            .AddDefaultTokenProviders()
            // After the defaults, so the authenticator provider is Qedu's (clock from TimeProvider, each code once).
            .AddTokenProvider<TotpAuthenticatorProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.RemoveAll<IPasswordValidator<QeduUser>>();
        services.AddScoped<IPasswordValidator<QeduUser>, PolicyPasswordValidator>();
        services.AddScoped<IPasswordValidator<QeduUser>, HistoryPasswordValidator>();

        services.AddOpenIddict().AddCore(o => o.UseEntityFrameworkCore().UseDbContext<KernelDb>());
        return services;
    }

    /// <summary>
    /// Text messages: <see cref="ISmsSender"/> is the development outbox or the HTTP gateway, as <c>Sms:Mode</c> says
    /// (a host binds <see cref="SmsOptions"/> to its <c>Sms</c> section; unbound, the outbox). docs/messaging.md.
    /// </summary>
    private static void AddSms(IServiceCollection services)
    {
        services.AddOptions<SmsOptions>();
        services.AddSingleton<DevelopmentSmsOutbox>();
        services.AddHttpClient<GatewaySmsSender>();
        services.AddTransient<ISmsSender>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmsOptions>>().Value.Mode == SmsMode.Gateway
                ? sp.GetRequiredService<GatewaySmsSender>()
                : sp.GetRequiredService<DevelopmentSmsOutbox>());
    }
}
