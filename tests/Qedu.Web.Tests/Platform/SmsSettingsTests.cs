using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Messaging;
using Qedu.Testing;

namespace Qedu.Web.Tests.Platform;

/// <summary>A host whose Sms section names a gateway (never called here).</summary>
public sealed class GatewaySmsApp : QeduApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Mode"] = "Gateway",
        ["Sms:GatewayUrl"] = "http://127.0.0.1:1/sms",
        ["Sms:ApiKey"] = "web-test-key",
        ["Sms:SignName"] = "青岛教育",
    };
}

/// <summary>A host told to use a gateway but given no key: it must not start.</summary>
public sealed class KeylessGatewayApp : QeduApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Mode"] = "Gateway",
        ["Sms:GatewayUrl"] = "https://sms.example.cn/send",
    };
}

/// <summary>The web host reads the Sms section (docs/messaging.md) and checks it at start.</summary>
public sealed class SmsSettingsTests(GatewaySmsApp app) : IClassFixture<GatewaySmsApp>
{
    [Fact]
    public void The_host_sends_through_the_gateway_its_settings_name()
    {
        using var scope = app.Services.CreateScope();

        Assert.IsType<GatewaySmsSender>(scope.ServiceProvider.GetRequiredService<ISmsSender>());
        var options = scope.ServiceProvider.GetRequiredService<IOptions<SmsOptions>>().Value;
        Assert.Equal("web-test-key", options.ApiKey);
        Assert.Equal("青岛教育", options.SignName);
    }

    [Fact]
    public async Task A_gateway_without_a_key_stops_the_start_naming_the_setting()
    {
        var broken = new KeylessGatewayApp();
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(broken.InitializeAsync);

            Assert.Contains("Sms:ApiKey", error.ToString());
        }
        finally
        {
            await ((IAsyncLifetime)broken).DisposeAsync();
        }
    }
}
