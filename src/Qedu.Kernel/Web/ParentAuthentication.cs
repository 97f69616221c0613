using System.Security.Claims;

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

    /// <summary>The signed-in parent's account id, or null when the principal is not a parent's.</summary>
    public static Guid? ParentId(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: Scheme }
        && Guid.TryParse(user.FindFirstValue(AccountClaim), out var id)
            ? id
            : null;

    /// <summary>The signed-in parent's mobile number, or null.</summary>
    public static string? Phone(ClaimsPrincipal? user) =>
        ParentId(user) is null ? null : user!.FindFirstValue(PhoneClaim);
}
