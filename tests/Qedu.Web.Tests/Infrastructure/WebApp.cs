using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Testing;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>The one web host most test classes share (per provider), so the demo city is migrated and seeded once.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebApp>
{
    public const string Name = "web";
}

/// <summary>
/// <see cref="QeduApp"/> plus what the tests need beyond the demo city: an account for every role, units and accounts
/// outside every role's scope (a second city under the province, so even city-wide roles have something out of reach),
/// signed-in clients reused per account, and a client address on every request.
/// </summary>
public class WebApp : QeduApp
{
    /// <summary>The address a request comes from unless it names another in <see cref="ClientAddressHeader"/>.</summary>
    public const string DefaultClientAddress = "192.0.2.10";

    /// <summary>Test-only header: the client address the request should appear to come from.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new(StringComparer.Ordinal);
    private TestWorld? _world;

    public TestWorld World => _world ?? throw new InvalidOperationException("Not initialised yet.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _world = await TestWorld.BuildAsync(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressStartupFilter>());
    }

    /// <summary>A client signed in as <paramref name="userName"/>, shared by every test that only reads with it.</summary>
    public Task<HttpClient> ClientAsync(string userName) =>
        _clients.GetOrAdd(userName, u => new Lazy<Task<HttpClient>>(() => SignInAsync(u))).Value;

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

    /// <summary>
    /// TestServer has no socket, so requests arrive without the remote address Kestrel would report; the audit log and
    /// the sign-in rate limit both key on it. This gives every request one, before the app's own middleware runs.
    /// </summary>
    private sealed class ClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var named = context.Request.Headers[ClientAddressHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.TryParse(named, out var address) ? address : IPAddress.Parse(DefaultClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
