using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Qedu.Kernel.Messaging;

/// <summary>
/// The development stand-in for an SMS gateway: each message is written to the log and the last few per number are
/// kept in memory, so a developer (or a test, or a development page) can read the code a phone would have received.
/// Nothing leaves the machine. A singleton: the outbox outlives the request that sent the message.
/// </summary>
public sealed class DevelopmentSmsOutbox(IOptions<SmsOptions> options, TimeProvider clock, ILogger<DevelopmentSmsOutbox> logger) : ISmsSender
{
    /// <summary>How many messages are kept per number (the oldest go first).</summary>
    public const int KeptPerNumber = 10;

    private readonly ConcurrentDictionary<string, Queue<SmsMessage>> _byPhone = new(StringComparer.Ordinal);

    public Task SendAsync(string phone, string text, CancellationToken ct = default)
    {
        if (!Codes.MobilePhone.IsValid(phone))
        {
            throw new ArgumentException("A text message goes to an 11-digit mainland mobile number (MobilePhone.Normalize).", nameof(phone));
        }
        var message = new SmsMessage(phone, $"【{options.Value.SignName}】{text}", clock.GetUtcNow());
        var queue = _byPhone.GetOrAdd(phone, _ => new Queue<SmsMessage>());
        lock (queue)
        {
            queue.Enqueue(message);
            while (queue.Count > KeptPerNumber)
            {
                queue.Dequeue();
            }
        }
        logger.LogInformation("Development SMS (not sent) to {Phone}: {Text}", phone, message.Text);
        return Task.CompletedTask;
    }

    /// <summary>The last message to <paramref name="phone"/> (normalised), or null.</summary>
    public SmsMessage? LastTo(string phone) => To(phone) is { Count: > 0 } kept ? kept[^1] : null;

    /// <summary>The messages kept for <paramref name="phone"/> (normalised), oldest first.</summary>
    public IReadOnlyList<SmsMessage> To(string phone)
    {
        if (!_byPhone.TryGetValue(phone, out var queue))
        {
            return [];
        }
        lock (queue)
        {
            return [.. queue];
        }
    }
}
