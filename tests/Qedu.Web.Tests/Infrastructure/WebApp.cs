using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>An anonymous client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient From(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>
    /// A new account no other test uses (<paramref name="hint"/> plus a random suffix), a teacher at the anchor school
    /// unless told otherwise, with the demo password: its user name.
    /// </summary>
    public async Task<string> NewAccountAsync(string hint, string role = Qedu.Kernel.Access.Roles.Teacher, string scopeCode = TestWorld.AnchorSchool)
    {
        var userName = $"{hint}.{Guid.NewGuid().ToString("N")[..6]}";
        await CreateAccountAsync(userName, role, scopeCode);
        return userName;
    }

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
