using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>
/// A host of its own whose clock the tests move (<see cref="FakeTimeProvider"/> as the app's <see cref="TimeProvider"/>):
/// session limits, failed-sign-in windows and authenticator codes without waiting. Production's account-security
/// defaults apply here (administrators and auditors need a second factor), so the tests use accounts of their own.
/// </summary>
public sealed class ClockedApp : WebApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:TwoFactor:Required:CityAdmin"] = "true",
        ["Security:TwoFactor:Required:DistrictAdmin"] = "true",
        ["Security:TwoFactor:Required:SchoolAdmin"] = "true",
        ["Security:TwoFactor:Required:Auditor"] = "true",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }
}

[CollectionDefinition(Name)]
public sealed class ClockedCollection : ICollectionFixture<ClockedApp>
{
    public const string Name = "clocked";
}
