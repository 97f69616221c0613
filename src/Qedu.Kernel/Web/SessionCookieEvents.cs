using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Qedu.Kernel.Identity;

namespace Qedu.Kernel.Web;

/// <summary>
/// The sign-in cookie's events: every sign-in starts a server-side session (<see cref="UserSessions"/>) whose id the
/// cookie carries; every request checks that session is alive before Identity checks the security stamp; signing out
/// ends it. API callers get status codes where people in a browser get the sign-in or access-denied page.
/// </summary>
public sealed class SessionCookieEvents(UserSessions sessions) : CookieAuthenticationEvents
{
    /// <summary>The "amr" claim Identity adds at sign-in: "pwd", and "mfa" after a second factor.</summary>
    public const string MethodClaim = "amr";

    /// <summary>How many failed sign-ins preceded this one (to tell the person); set by the sign-in flow.</summary>
    public const string FailedBeforeClaim = "qedu_failed_before";

    /// <summary>HttpContext item through which the sign-in flow passes <see cref="FailedBeforeClaim"/>'s value.</summary>
    public const string FailedBeforeItem = "qedu.failed-before";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        var userId = Guid.Parse(identity.FindFirst(ClaimTypes.NameIdentifier)!.Value);
        var methods = identity.HasClaim(MethodClaim, "mfa") ? "pwd+otp" : "pwd";
        var request = context.HttpContext;
        var session = await sessions.StartAsync(userId, methods, request.Connection.RemoteIpAddress?.ToString(),
            request.Request.Headers.UserAgent.ToString(), request.RequestAborted);
        foreach (var claim in identity.FindAll(c => c.Type is UserSessions.ClaimType or FailedBeforeClaim).ToList())
        {
            identity.RemoveClaim(claim);
        }
        identity.AddClaim(new Claim(UserSessions.ClaimType, session.Id.ToString()));
        if (request.Items[FailedBeforeItem] is int failed && failed > 0)
        {
            identity.AddClaim(new Claim(FailedBeforeClaim, failed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        request.Items[UserSessions.ClaimType] = session.Id;
        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var alive = Guid.TryParse(principal?.FindFirstValue(UserSessions.ClaimType), out var sessionId)
            && Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await sessions.CheckAsync(sessionId, userId, context.HttpContext.RequestAborted);
        if (!alive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        var user = context.HttpContext.User;
        if (Guid.TryParse(user.FindFirstValue(UserSessions.ClaimType), out var sessionId)
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await sessions.EndAsync(userId, sessionId, SessionEndReasons.SignedOut, context.HttpContext.RequestAborted);
        }
        await base.SigningOut(context);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);

    /// <summary>The session id in a principal (the signed-in person's current session), if any.</summary>
    public static Guid? SessionOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(UserSessions.ClaimType), out var id) ? id : null;

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
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
