using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Qedu.Kernel.Identity;

/// <summary>
/// Checks the six-digit codes of an authenticator app (TOTP, RFC 6238: SHA-1, 30-second steps, one step of drift either
/// way) for Identity's authenticator support. Unlike Identity's own provider it reads the time from
/// <see cref="TimeProvider"/> (tests use a fixed clock) and accepts each code once: a code seen over someone's shoulder,
/// or replayed from a captured request, is refused (ASVS 6.5.1).
/// </summary>
public sealed class TotpAuthenticatorProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<QeduUser>
{
    private const string TokenProvider = "[Qedu]";
    private const string LastStepName = "TotpLastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<QeduUser> manager, QeduUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app generates codes, the server never does.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<QeduUser> manager, QeduUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<QeduUser> manager, QeduUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string((token ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepName);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }
        await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The otpauth URI an authenticator app reads from the QR code (Google Authenticator's key URI format).</summary>
    public static string KeyUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
}
