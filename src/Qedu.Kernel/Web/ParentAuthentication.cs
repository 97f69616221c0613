using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Qedu.Kernel.Identity;

namespace Qedu.Kernel.Web;

/// <summary>
/// Parents (and other members of the public who sign in by phone number and a one-time code) are a separate kind of
/// account from staff: their own table, their own cookie and authentication scheme. The staff scheme (the default)
/// never reads the parent cookie, so a parent's request carries no staff grant whatever its claims say, and a staff
/// cookie never satisfies <see cref="Policy"/>. Pages for parents carry <c>[Authorize(Policy = ParentAuthentication.Policy)]</c>
/// and read the account with <see cref="ParentId"/>.
/// </summary>
public static class ParentAuthentication
{
    /// <summary>The cookie scheme of parent sign-ins.</summary>
    public const string Scheme = "QeduParent";

    /// <summary>The authorization policy of parent pages and endpoints: authenticated by <see cref="Scheme"/> only.</summary>
    public const string Policy = "Parent";

    /// <summary>The claim holding the parent account's id.</summary>
    public const string AccountClaim = "qedu:parent";

    /// <summary>The claim holding the account's normalised mobile number.</summary>
    public const string PhoneClaim = "qedu:parent-phone";

    /// <summary>Where a parent signs in (a page at 390 px first).</summary>
    public const string LoginPath = "/parent/login";

    /// <summary>Where a parent lands after signing in: the parent's hub, listing the modules' <see cref="ParentNavItem"/>s.</summary>
    public const string HomePath = "/parent";

    /// <summary>Where a parent signs out (POST with an antiforgery token).</summary>
    public const string LogoutPath = "/parent/logout";

    /// <summary>The name of the parent sign-in cookie.</summary>
    public const string CookieName = "qedu.parent";

    /// <summary>The claim holding the account's session generation the cookie was issued under (<see cref="ParentAccount.SessionVersion"/>).</summary>
    public const string SessionClaim = "qedu:parent-session";

    /// <summary>The claim holding when the session began (Unix seconds), for the absolute session limit.</summary>
    public const string SignedInAtClaim = "qedu:parent-signed-in";

    /// <summary>The signed-in parent's account id, or null when the principal is not a parent's.</summary>
    public static Guid? ParentId(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: Scheme }
        && Guid.TryParse(user.FindFirstValue(AccountClaim), out var id)
            ? id
            : null;

    /// <summary>The signed-in parent's mobile number, or null.</summary>
    public static string? Phone(ClaimsPrincipal? user) =>
        ParentId(user) is null ? null : user!.FindFirstValue(PhoneClaim);

    /// <summary>The principal of a parent's session begun at <paramref name="signedInAt"/>.</summary>
    public static ClaimsPrincipal Principal(ParentAccount account, DateTimeOffset signedInAt) =>
        new(new ClaimsIdentity(
            [
                new Claim(AccountClaim, account.Id.ToString()),
                new Claim(PhoneClaim, account.Phone),
                new Claim(SessionClaim, account.SessionVersion.ToString(CultureInfo.InvariantCulture)),
                new Claim(SignedInAtClaim, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            authenticationType: Scheme,
            nameType: PhoneClaim,
            roleType: null));

    /// <summary>Signs the parent in (the <see cref="CookieName"/> cookie; a session cookie, never persistent).</summary>
    public static Task SignInAsync(HttpContext context, ParentAccount account, DateTimeOffset signedInAt) =>
        context.SignInAsync(Scheme, Principal(account, signedInAt), new AuthenticationProperties { IsPersistent = false });

    /// <summary>The parent signed in on this request's cookie, whatever the endpoint's policy (null: none, or not alive).</summary>
    public static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context) =>
        await context.AuthenticateAsync(Scheme) is { Succeeded: true } result && ParentId(result.Principal) is not null
            ? result.Principal
            : null;
}
