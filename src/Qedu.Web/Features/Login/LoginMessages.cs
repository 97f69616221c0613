using Microsoft.Extensions.Localization;
using Qedu.Web.Resources;

namespace Qedu.Web.Features.Login;

internal static class LoginMessages
{
    /// <summary>What a refused attempt tells the person: the same words for a wrong password and an unknown name.</summary>
    public static string For(IStringLocalizer<WebText> t, SignInAttempt attempt, TimeProvider clock) => attempt.Status switch
    {
        SignInStatus.Wait => string.Format(t["Login.Wait"], Math.Max(1, (int)Math.Ceiling(((attempt.Until ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalSeconds))),
        SignInStatus.Locked => string.Format(t["Login.LockedOut"], (attempt.Until ?? clock.GetUtcNow()).ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm")),
        SignInStatus.Disabled => t["Login.Disabled"],
        SignInStatus.Expired => t["Login.SecondFactorExpired"],
        _ => t["Login.Failed"],
    };
}
