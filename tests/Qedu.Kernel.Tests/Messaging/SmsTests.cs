using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Messaging;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Tests.Messaging;

/// <summary>
/// A stand-in SMS gateway: a real HTTP server on a free local port that records what it receives and answers with
/// the status the test sets (after the delay the test sets).
/// </summary>
public sealed class FakeGateway : IAsyncLifetime
{
    private WebApplication? _app;

    public List<(string Body, string? Key, string? ContentType)> Received { get; } = [];
    public int Status { get; set; } = 200;
    public TimeSpan Delay { get; set; }
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/sms", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            lock (Received)
            {
                Received.Add((body, request.Headers[GatewaySmsSender.ApiKeyHeader].FirstOrDefault(), request.ContentType));
            }
            await Task.Delay(Delay);
            return Results.StatusCode(Status);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = address.TrimEnd('/') + "/sms";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Text messages: which sender the settings pick, the gateway's documented JSON, failures, mobile numbers.</summary>
public sealed class SmsTests(FakeGateway gateway) : IClassFixture<FakeGateway>, IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("qedu-sms-test-").FullName;

    /// <summary>The kernel's services as a host wires them, with these Sms settings (no database is touched).</summary>
    private ServiceProvider Services(Action<SmsOptions> sms) =>
        KernelHost.Build(DatabaseSettings.Parse(Path.Combine(_keys, "unused.db"), _keys), _keys, s => s.Configure(sms));

    private Action<SmsOptions> Gateway(int timeoutSeconds = 10) => o =>
    {
        o.Mode = SmsMode.Gateway;
        o.GatewayUrl = gateway.Url;
        o.ApiKey = "test-key-123";
        o.SignName = "青岛教育";
        o.TimeoutSeconds = timeoutSeconds;
    };

    [Fact]
    public async Task The_gateway_receives_the_documented_json_with_the_key_in_a_header()
    {
        gateway.Status = 200;
        using var services = Services(Gateway());
        var sender = services.GetRequiredService<ISmsSender>();
        Assert.IsType<GatewaySmsSender>(sender);

        await sender.SendAsync("13800000000", "您的验证码是 123456，5 分钟内有效。");

        var (body, key, contentType) = Assert.Single(gateway.Received, r => r.Body.Contains("13800000000"));
        Assert.Equal("test-key-123", key);
        Assert.StartsWith("application/json", contentType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["phone", "text", "sign"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("13800000000", json.RootElement.GetProperty("phone").GetString());
        Assert.Equal("您的验证码是 123456，5 分钟内有效。", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("青岛教育", json.RootElement.GetProperty("sign").GetString());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(503)]
    public async Task A_gateway_answer_other_than_2xx_is_a_failure_naming_the_status(int status)
    {
        gateway.Status = status;
        using var services = Services(Gateway());

        var error = await Assert.ThrowsAsync<SmsSendException>(() => services.GetRequiredService<ISmsSender>().SendAsync("13900000001", "x"));

        Assert.Contains($"HTTP {status}", error.Message);
        gateway.Status = 200;
    }

    [Fact]
    public async Task A_gateway_that_does_not_answer_in_time_is_a_failure()
    {
        gateway.Delay = TimeSpan.FromSeconds(5);
        try
        {
            using var services = Services(Gateway(timeoutSeconds: 1));

            var error = await Assert.ThrowsAsync<SmsSendException>(() => services.GetRequiredService<ISmsSender>().SendAsync("13900000002", "x"));

            Assert.Contains("did not answer within 1 s", error.Message);
        }
        finally
        {
            gateway.Delay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_gateway_nobody_listens_on_is_a_failure()
    {
        using var services = Services(o =>
        {
            Gateway()(o);
            o.GatewayUrl = "http://127.0.0.1:1/sms";
        });

        var error = await Assert.ThrowsAsync<SmsSendException>(() => services.GetRequiredService<ISmsSender>().SendAsync("13900000003", "x"));

        Assert.Contains("could not be reached", error.Message);
    }

    [Fact]
    public async Task Without_settings_the_development_outbox_keeps_each_message_signed_and_sends_nothing()
    {
        using var services = Services(_ => { });
        var sender = services.GetRequiredService<ISmsSender>();
        var outbox = services.GetRequiredService<DevelopmentSmsOutbox>();
        var before = gateway.Received.Count;

        await sender.SendAsync("13700000000", "第一条");
        await sender.SendAsync("13700000000", "第二条");

        Assert.Same(outbox, sender);
        Assert.Equal(["【Qedu】第一条", "【Qedu】第二条"], outbox.To("13700000000").Select(m => m.Text));
        Assert.Equal("【Qedu】第二条", outbox.LastTo("13700000000")?.Text);
        Assert.Null(outbox.LastTo("13700000001"));
        Assert.Equal(before, gateway.Received.Count);
    }

    [Fact]
    public async Task Senders_refuse_a_number_that_is_not_normalised()
    {
        using var services = Services(_ => { });
        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<ISmsSender>().SendAsync("+86 13700000000", "x"));
    }

    [Fact]
    public void Gateway_mode_without_a_url_or_key_refuses_to_start_and_development_outside_Development_warns()
    {
        var production = new Environment("Production");
        var logger = new ListLogger();

        var noUrl = Assert.Throws<InvalidOperationException>(() => new SmsOptions { Mode = SmsMode.Gateway, ApiKey = "k" }.CheckAtStart(production, logger));
        var noKey = Assert.Throws<InvalidOperationException>(() => new SmsOptions { Mode = SmsMode.Gateway, GatewayUrl = "https://sms.example/send" }.CheckAtStart(production, logger));
        new SmsOptions { Mode = SmsMode.Gateway, GatewayUrl = "https://sms.example/send", ApiKey = "k" }.CheckAtStart(production, logger);
        Assert.Empty(logger.Warnings);
        new SmsOptions().CheckAtStart(new Environment("Development"), logger);
        Assert.Empty(logger.Warnings);
        new SmsOptions().CheckAtStart(production, logger);

        Assert.Contains("Sms:GatewayUrl", noUrl.Message);
        Assert.Contains("Sms:ApiKey", noKey.Message);
        Assert.Contains("Sms:Mode is Development in the Production environment", Assert.Single(logger.Warnings));
    }

    [Theory]
    [InlineData("13800000000", "13800000000")]
    [InlineData(" 138 0000 0000 ", "13800000000")]
    [InlineData("138-0000-0000", "13800000000")]
    [InlineData("+8613800000000", "13800000000")]
    [InlineData("+86 138 0000 0000", "13800000000")]
    [InlineData("008619912345678", "19912345678")]
    [InlineData("12800000000", null)]
    [InlineData("10800000000", null)]
    [InlineData("1380000000", null)]
    [InlineData("138000000000", null)]
    [InlineData("1380000000a", null)]
    [InlineData("８13800000000", null)]
    [InlineData("8613800000000", null)]
    [InlineData("053288888888", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Mobile_numbers_are_normalised_or_refused(string? input, string? expected) =>
        Assert.Equal(expected, MobilePhone.Normalize(input));

    [Fact]
    public void A_mobile_number_is_masked_to_its_first_three_and_last_four_digits() =>
        Assert.Equal("138****5678", MobilePhone.Mask("13812345678"));

    public void Dispose() => Directory.Delete(_keys, recursive: true);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Qedu.Tests";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Warnings { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
