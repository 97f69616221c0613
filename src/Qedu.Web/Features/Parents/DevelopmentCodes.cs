using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Messaging;

namespace Qedu.Web.Features.Parents;

/// <summary>
/// The code a phone "received", shown on the parent sign-in page so a developer or a demo parent can sign in. Only while
/// texts go to the development outbox (<c>Sms:Mode</c> Development) and the host is a development or demo one
/// (the Development environment, or <c>Demo:ShowAccounts</c>): in Gateway mode the outbox holds nothing and the page
/// shows nothing, and a production host left in Development mode (a warning at start) does not hand codes to strangers.
/// </summary>
internal sealed partial class DevelopmentCodes(DevelopmentSmsOutbox outbox, IOptions<SmsOptions> sms, IHostEnvironment environment, IConfiguration configuration)
{
    public bool Shown =>
        sms.Value.Mode == SmsMode.Development
        && (environment.IsDevelopment() || configuration.GetValue("Demo:ShowAccounts", false));

    /// <summary>The six digits of the last text to the number (as typed), or null.</summary>
    public string? LastCodeTo(string? phone) =>
        Shown && MobilePhone.Normalize(phone) is { } number && outbox.LastTo(number) is { } message
        && SixDigits().Match(message.Text) is { Success: true } match
            ? match.Value
            : null;

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
