using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Access;

/// <summary>
/// The access context of the current scope. In a web request it is built from the signed-in principal (cookie or bearer
/// token); outside a request it is <see cref="AccessDefaults.OutsideRequests"/> (anonymous in the web host, so a background
/// job sees nothing until it says who it runs as with <see cref="Set"/>; the system in the command line).
/// </summary>
public sealed class CurrentAccess(IServiceProvider services, IHttpContextAccessor http, AccessDefaults defaults) : ICurrentAccess
{
    private AccessContext? _current;
    private bool _resolving;

    public AccessContext Current
    {
        get
        {
            if (_current is not null)
            {
                return _current;
            }
            if (_resolving)
            {
                throw new InvalidOperationException("The access context was needed while it was being resolved.");
            }
            _resolving = true;
            try
            {
                return _current = ResolveAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            finally
            {
                _resolving = false;
            }
        }
    }

    public void Set(AccessContext context) => _current = context;

    /// <summary>Resolves once per request, asynchronously (called by middleware right after authentication).</summary>
    public async Task<AccessContext> EnsureResolvedAsync(CancellationToken ct)
    {
        if (_current is null)
        {
            _resolving = true;
            try
            {
                _current = await ResolveAsync(ct);
            }
            finally
            {
                _resolving = false;
            }
        }
        return _current;
    }

    private Task<AccessContext> ResolveAsync(CancellationToken ct)
    {
        if (http.HttpContext is null)
        {
            return Task.FromResult(defaults.OutsideRequests);
        }
        var principal = http.HttpContext.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return ResolveParentAsync(http.HttpContext);
        }
        return services.GetRequiredService<AccessResolver>().ResolveAsync(principal, ct);
    }

    /// <summary>
    /// A request without a staff sign-in may carry a parent's (their own cookie and scheme, never the default one): it
    /// then runs as that parent, who holds no grant and sees only their own rows.
    /// </summary>
    private async Task<AccessContext> ResolveParentAsync(HttpContext context)
    {
        var schemes = services.GetRequiredService<IAuthenticationSchemeProvider>();
        if (await schemes.GetSchemeAsync(ParentAuthentication.Scheme) is null)
        {
            return AccessContext.Anonymous;
        }
        var result = await context.AuthenticateAsync(ParentAuthentication.Scheme);
        return ParentAuthentication.ParentId(result.Principal) is Guid parent
            ? AccessContext.ForParent(parent, MobilePhone.Mask(ParentAuthentication.Phone(result.Principal) ?? ""))
            : AccessContext.Anonymous;
    }
}

/// <summary>Who code runs as when no web request is in progress.</summary>
public sealed record AccessDefaults(AccessContext OutsideRequests);

/// <summary>Turns a principal into grants, reading role assignments (users) or the client's binding (clients).</summary>
public sealed class AccessResolver(Deferred<KernelDb> kernel, TimeProvider clock, IOptions<AccountSecurityOptions> security, OrgCodes? codes = null)
{
    // Built on first use: a client whose unit is in OrgCodes needs no query.
    private KernelDb Db => kernel.Value;

    public async Task<AccessContext> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var actor = principal.FindFirst(QeduClaims.Actor)?.Value;
        // A token carries the scopes it was granted; a cookie carries none and is limited only by the roles.
        var tokenScopes = actor is null ? null : principal.GetScopes().ToHashSet(StringComparer.Ordinal);

        if (actor == "client")
        {
            var clientId = principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value ?? "";
            var orgCode = principal.FindFirst(QeduClaims.Org)?.Value;
            // The unit's id by its code, remembered for the process (a code never changes: OrgCodes), so a client's
            // request costs no query here; the grant itself still comes from the token's scopes on every request.
            if (orgCode is null)
            {
                return AccessContext.ForClient(clientId, []);
            }
            if (codes is null || !codes.TryGetId(orgCode, out var orgId))
            {
                var org = await Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                    .Where(o => o.Code == orgCode).Select(o => new { o.Id, o.Code }).FirstOrDefaultAsync(ct);
                if (org is null)
                {
                    return AccessContext.ForClient(clientId, []);
                }
                orgId = org.Id;
                codes?.Add(org.Id, org.Code);
            }
            var permissions = Permissions.ClientGrantable.Where(p => tokenScopes!.Contains(p)).ToHashSet(StringComparer.Ordinal);
            return AccessContext.ForClient(clientId, [new Grant(orgId, orgCode, permissions, null)]);
        }

        var idText = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value;
        if (!Guid.TryParse(idText, out var userId))
        {
            return AccessContext.Anonymous;
        }
        var user = await Db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.UserName, u.IsActive, u.MustChangePassword, u.PasswordChangedAt, u.TwoFactorEnabled, u.StaffNumber })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return AccessContext.Anonymous;
        }
        // Failed sign-ins by others never reach a session that is already open (they only throttle new attempts).
        if (!user.IsActive)
        {
            return AccessContext.ForUser(userId, user.UserName ?? "", []);
        }
        var assignments = await (
                from a in Db.RoleAssignments.AsNoTracking()
                join o in Db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]) on a.OrgUnitId equals o.Id
                where a.UserId == userId
                select new { a.Role, o.Id, o.Code })
            .ToListAsync(ct);
        var grants = new List<Grant>();
        foreach (var a in assignments)
        {
            var role = Roles.Find(a.Role);
            if (role is null)
            {
                continue;
            }
            IReadOnlySet<string> permissions = tokenScopes is null
                ? role.Permissions
                : role.Permissions.Where(tokenScopes.Contains).ToHashSet(StringComparer.Ordinal);
            grants.Add(new Grant(a.Id, a.Code, permissions, a.Role));
        }
        var settings = security.Value;
        var maxAge = settings.Passwords.MaxAgeDays;
        var step = user.MustChangePassword || (maxAge > 0 && user.PasswordChangedAt is { } changed && clock.GetUtcNow() - changed > TimeSpan.FromDays(maxAge))
            ? AccountStep.ChangePassword
            : !user.TwoFactorEnabled && settings.TwoFactor.IsRequiredFor(assignments.Select(a => a.Role)) ? AccountStep.EnrolTwoFactor
            : AccountStep.None;
        return step == AccountStep.None
            ? AccessContext.ForUser(userId, user.UserName ?? "", grants, user.StaffNumber)
            : AccessContext.Pending(userId, user.UserName ?? "", step);
    }
}
