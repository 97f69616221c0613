using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Qedu.Kernel.Messaging;

public enum SmsMode
{
    /// <summary>Messages go to the log and the in-memory <see cref="DevelopmentSmsOutbox"/>; nothing leaves the machine.</summary>
    Development,

    /// <summary>Messages are posted to the HTTP gateway at <see cref="SmsOptions.GatewayUrl"/>.</summary>
    Gateway,
}

/// <summary>The text-message settings (configuration section <c>Sms</c>); docs/messaging.md.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>Development (the default, in every environment) or Gateway.</summary>
    public SmsMode Mode { get; set; } = SmsMode.Development;

    /// <summary>Where the gateway takes messages (POST, JSON); required in Gateway mode.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Sent in the <c>X-Api-Key</c> header; required in Gateway mode.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The signature (签名) carriers show in 【】 before every message; it must be the one registered with the gateway.</summary>
    public string SignName { get; set; } = "Qedu";

    /// <summary>How long a gateway call may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Checked once at start. Gateway mode without a URL or key refuses to start (nothing could be sent). The
    /// development stand-in outside the Development environment only warns: most of Qedu never sends a text, so a
    /// bureau without a gateway can still run it, but every text (one-time codes included) then goes to the log only.
    /// </summary>
    public void CheckAtStart(IHostEnvironment environment, ILogger logger)
    {
        if (Mode == SmsMode.Gateway)
        {
            if (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException("Sms:Mode is Gateway but Sms:GatewayUrl is not an http(s) URL; set it, or set Sms:Mode to Development.");
            }
            if (string.IsNullOrWhiteSpace(ApiKey))
            {
                throw new InvalidOperationException("Sms:Mode is Gateway but Sms:ApiKey is empty; set it, or set Sms:Mode to Development.");
            }
            if (TimeoutSeconds <= 0)
            {
                throw new InvalidOperationException("Sms:TimeoutSeconds must be at least 1.");
            }
            return;
        }
        if (!environment.IsDevelopment())
        {
            logger.LogWarning(
                "Text messages are not sent: Sms:Mode is Development in the {Environment} environment, so every message (one-time codes too) is written to this log only. Set Sms:Mode to Gateway with Sms:GatewayUrl and Sms:ApiKey to send them (docs/messaging.md).",
                environment.EnvironmentName);
        }
    }
}
