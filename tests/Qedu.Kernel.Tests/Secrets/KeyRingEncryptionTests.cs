using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;
using Qedu.Testing;

namespace Qedu.Kernel.Tests.Secrets;

/// <summary>The data-protection key ring is encrypted in the database with a key kept outside it (ADR 11).</summary>
public sealed class KeyRingEncryptionTests : IAsyncLifetime
{
    private KernelHost? _host;

    private KernelHost Host => _host!;

    public async Task InitializeAsync() => _host = await KernelHost.CreateSeededAsync(seed: false);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<List<string>> KeyRingXmlAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    [Fact]
    public async Task A_new_key_is_stored_sealed_with_no_master_key_in_clear()
    {
        var protector = Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var token = protector.Protect("a session");

        var xml = Assert.Single(await KeyRingXmlAsync());
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal);
        Assert.Contains("urn:qedu:data-protection", xml, StringComparison.Ordinal);
        Assert.Equal("a session", protector.Unprotect(token));
    }

    [Fact]
    public async Task A_key_written_in_clear_before_stays_readable_and_is_sealed_at_the_next_start()
    {
        // The key ring as Qedu wrote it before: the framework's defaults, no encryptor.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new SecretKeys(Host.KeyDirectory));
        services.AddQeduKernel(Host.Database.Settings, outsideRequests: AccessContext.Anonymous);
        services.AddDataProtection().SetApplicationName("Qedu").PersistKeysToDbContext<KernelDb>();
        string token;
        await using (var before = services.BuildServiceProvider())
        {
            token = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("issued before");
        }
        Assert.Contains("<masterKey", Assert.Single(await KeyRingXmlAsync()), StringComparison.Ordinal);

        await Host.Services.GetRequiredService<DatabaseMigrator>().VerifyKeysAsync();

        var xml = Assert.Single(await KeyRingXmlAsync());
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Equal("issued before", Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token));
    }
}
