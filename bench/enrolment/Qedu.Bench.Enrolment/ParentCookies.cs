using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel;
using Qedu.Kernel.Access;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;
using Qedu.Kernel.Web;

namespace Qedu.Bench.Enrolment;

/// <summary>
/// Parents' sign-in cookies (<see cref="ParentAuthentication.CookieName"/>) made as the web host makes them at sign-in: the
/// same principal, protected by the same data protection (application "Qedu", the key ring in the kernel database sealed
/// with the key directory's <c>data-protection</c> key) under the cookie handler's purposes. Only whoever holds the key
/// directory can do this, which is the operator running the benchmark.
/// </summary>
internal sealed class ParentCookies : IAsyncDisposable
{
    /// <summary>The purposes ASP.NET Core's cookie handler protects its tickets under (PostConfigureCookieAuthenticationOptions).</summary>
    private const string CookiePurpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";

    private readonly ServiceProvider _services;
    private readonly TicketDataFormat _format;

    private ParentCookies(ServiceProvider services)
    {
        _services = services;
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose, ParentAuthentication.Scheme, "v2");
        _format = new TicketDataFormat(protector);
    }

    public static ParentCookies Create(string db, string keyDirectory)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new SecretKeys(keyDirectory));
        services.AddQeduKernel(DatabaseSettings.Parse(db, Directory.GetCurrentDirectory()), AccessContext.System("bench:enrolment"));
        services.AddQeduDataProtection();
        return new ParentCookies(services.BuildServiceProvider());
    }

    /// <summary>
    /// The cookie value of a session begun at <paramref name="signedInAt"/>. It expires with the session's absolute limit
    /// (8 hours) rather than after the 30 idle minutes a browser's cookie slides by, so a long run does not outlive it.
    /// </summary>
    public string Mint(ParentAccount account, DateTimeOffset signedInAt) =>
        _format.Protect(new AuthenticationTicket(
            ParentAuthentication.Principal(account, signedInAt),
            new AuthenticationProperties { IsPersistent = false, IssuedUtc = signedInAt, ExpiresUtc = signedInAt.AddHours(8) },
            ParentAuthentication.Scheme));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>The <c>--db</c> value (a connection string or postgres:// URI, as Qedu takes it) as an Npgsql connection string.</summary>
internal static class Connections
{
    public static string Npgsql(string db)
    {
        var settings = DatabaseSettings.Parse(db, Directory.GetCurrentDirectory());
        return settings.IsPostgres ? settings.ConnectionString : throw new ArgumentException("the enrolment benchmark runs on PostgreSQL: --db Host=...;Database=...");
    }
}
