using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Identity;

namespace Qedu.Kernel.Web;

/// <summary>
/// The parent cookie's events. Every request checks the session: begun less than
/// <see cref="AccountSecurityOptions.ParentSessionSettings.AbsoluteHours"/> ago, its account still there, enabled and
/// on the same session generation (a sign-out or a disabling moves it on). The idle limit is the cookie's own sliding
/// expiry. A challenge on the API answers 401 (403 when forbidden) rather than sending a program to the sign-in page.
/// </summary>
public sealed class ParentCookieEvents(ParentAccounts accounts, TimeProvider clock, IOptions<AccountSecurityOptions> security)
    : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var limit = TimeSpan.FromHours(security.Value.ParentSessions.AbsoluteHours);
        var alive = ParentAuthentication.ParentId(principal) is { } id
            && int.TryParse(principal!.FindFirst(ParentAuthentication.SessionClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && long.TryParse(principal.FindFirst(ParentAuthentication.SignedInAtClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var since)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(since) < limit
            && await accounts.IsSessionAliveAsync(id, version, context.HttpContext.RequestAborted);
        if (!alive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ParentAuthentication.Scheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => ApiAware(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => ApiAware(context, StatusCodes.Status403Forbidden);

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (WebSecurityServiceCollectionExtensions.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
