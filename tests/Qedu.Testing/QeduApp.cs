using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Secrets;
using Xunit;

namespace Qedu.Testing;

/// <summary>
/// The whole web host over the real HTTP pipeline, on its own database, migrated and seeded with the small demo
/// city on start exactly as a developer's first run is. One per test class (xunit class fixture).
/// </summary>
public class QeduApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised yet.");

    /// <summary>Where this host keeps uploads while it works on them (its own, removed with the host).</summary>
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "qedu-tests", $"work-{Guid.NewGuid():N}");

    /// <summary>Where this host keeps files by content hash (its own, removed with the host).</summary>
    public string FileStoreDirectory { get; } = Path.Combine(Path.GetTempPath(), "qedu-tests", $"files-{Guid.NewGuid():N}");

    private readonly string _ownKeys = Path.Combine(Path.GetTempPath(), "qedu-tests", $"keys-{Guid.NewGuid():N}");

    /// <summary>
    /// The keys this host keeps outside its database: its own, like its database, unless <see cref="SharesCommandLineKeys"/>.
    /// </summary>
    public string KeyDirectory => SharesCommandLineKeys ? KernelHost.CommandLineKeyDirectory(Database.Settings) : _ownKeys;

    /// <summary>
    /// Use the keys the command line finds for this database (beside an SQLite file), for a test in which a command
    /// writes into this host's database: as in production, both must hold the same keys. Not removed with the host.
    /// </summary>
    public bool SharesCommandLineKeys { get; init; }

    /// <summary>Where this host anchors its audit chain (its own, like its keys).</summary>
    public string CheckpointDirectory { get; } = Path.Combine(Path.GetTempPath(), "qedu-tests", $"audit-{Guid.NewGuid():N}");

    /// <summary>Every error the host has logged, to explain a 500 in a test's failure message.</summary>
    public ServerErrors ServerErrors { get; } = new();

    /// <summary>Configuration a test class may change before the host starts (e.g. a tight login rate limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        StartHost(); // start the host now: migrations and the demo seed run here, not inside the first test
    }

    /// <summary>
    /// Builds and starts the host. The default is the in-memory TestServer; <see cref="QeduServer"/> starts Kestrel
    /// instead, where touching <see cref="WebApplicationFactory{TEntryPoint}.Server"/> would throw.
    /// </summary>
    protected virtual void StartHost() => _ = Server;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var directory in new[] { WorkDirectory, FileStoreDirectory, _ownKeys, CheckpointDirectory }.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Connection"] = Database.Connection,
            ["Database:AutoMigrate"] = "true",
            ["Demo:SeedOnFirstStart"] = "true",
            ["Demo:ShowAccounts"] = "true",
            ["Security:RequireHttps"] = "false",
            ["Security:LoginAttemptsPerMinute"] = "10000",
            ["Security:ParentSignInPostsPerMinute"] = "10000",
            // Most tests sign in as the demo administrators with a password alone; the second factor has tests of its own.
            ["Security:TwoFactor:Required:CityAdmin"] = "false",
            ["Security:TwoFactor:Required:DistrictAdmin"] = "false",
            ["Security:TwoFactor:Required:SchoolAdmin"] = "false",
            ["Security:TwoFactor:Required:Auditor"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Each host its own work directory: hosts run side by side and each empties its own at start.
            ["Files:WorkDirectory"] = WorkDirectory,
            ["Files:StoreDirectory"] = FileStoreDirectory,
            ["Security:KeyDirectory"] = KeyDirectory,
            ["Audit:CheckpointDirectory"] = CheckpointDirectory,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));
        // UseSetting wins over appsettings files for values read while Program builds its services.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a service scope acting as the system (no scope filter, no write guard).</summary>
    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("tests"));
        return await work(scope.ServiceProvider);
    }

    public Task<T> KernelAsync<T>(Func<KernelDb, Task<T>> query) =>
        AsSystemAsync(sp => query(sp.GetRequiredService<KernelDb>()));

    /// <summary>Creates an account with one role over <paramref name="scopeCode"/>, at home in <paramref name="homeCode"/> (default: the scope).</summary>
    public Task<Guid> CreateAccountAsync(string userName, string role, string scopeCode, string? homeCode = null) =>
        AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<KernelDb>();
            var users = sp.GetRequiredService<UserManager<QeduUser>>();
            var scope = await db.OrgUnits.SingleAsync(o => o.Code == scopeCode);
            var home = homeCode is null ? scope : await db.OrgUnits.SingleAsync(o => o.Code == homeCode);
            var user = new QeduUser { UserName = userName, DisplayName = $"测试 {userName}", HomeOrgUnitId = home.Id, CreatedAt = DateTimeOffset.UtcNow };
            user.Assignments.Add(new RoleAssignment { Role = role, OrgUnitId = scope.Id, GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "tests" });
            var result = await users.CreateAsync(user, DemoAccounts.Password);
            return result.Succeeded
                ? user.Id
                : throw new InvalidOperationException($"{userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        });

    /// <summary>A client with its own cookie jar that does not follow redirects, so tests see 302s.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real login form (antiforgery token and all).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoAccounts.Password)
    {
        var client = Anonymous();
        var response = await PostLoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>Posts the login form as a browser would and returns the raw response.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/login" : $"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await FormAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token,
            ["_handler"] = form.Handler ?? "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token and form handler name of the first form on a page.</summary>
    public static async Task<(string Token, string? Handler)> FormAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return (AntiforgeryToken(html), Regex.Match(html, "name=\"_handler\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } h ? h : null);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");
    }
}
