namespace Qedu.Kernel.Messaging;

/// <summary>
/// Sends one text message to one mainland mobile number. Which sender a host uses is the setting <c>Sms:Mode</c>
/// (<see cref="SmsOptions"/>): the <see cref="DevelopmentSmsOutbox"/> stand-in or the HTTP <see cref="GatewaySmsSender"/>.
/// docs/messaging.md describes both and the gateway's format.
/// </summary>
public interface ISmsSender
{
    /// <summary>
    /// Sends <paramref name="text"/> (without the signature: the sender adds <c>Sms:SignName</c>) to
    /// <paramref name="phone"/>, an 11-digit number as <see cref="Codes.MobilePhone.Normalize"/> returns it. Returns
    /// when the message was accepted; throws <see cref="SmsSendException"/> when it was not.
    /// </summary>
    Task SendAsync(string phone, string text, CancellationToken ct = default);
}

/// <summary>A text message that was not accepted for sending; the message says why (the gateway's status, a timeout).</summary>
public sealed class SmsSendException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A text message as the development stand-in kept it: what the phone would show, signature included.</summary>
public sealed record SmsMessage(string Phone, string Text, DateTimeOffset SentAt);
