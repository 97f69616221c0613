using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Secrets;
using Qedu.Kernel.Oidc;
using Scopes = OpenIddict.Abstractions.OpenIddictConstants.Scopes;

namespace Qedu.Kernel.Web;

public static class WebSecurityServiceCollectionExtensions
{
    /// <summary>The policy scheme that picks bearer tokens for API callers and the cookie for people in a browser.</summary>
    public const string Scheme = "Qedu";

    /// <summary>
    /// Sign-in and single sign-on for the web host: the Identity cookie for pages, OpenIddict as the OpenID Connect
    /// provider (authorization code + PKCE, client credentials, refresh tokens) and as the validator of its own tokens
    /// for the API, permission policies, and data-protection keys in the database so several nodes share them.
    /// </summary>
    public static IServiceCollection AddQeduWebSecurity(this IServiceCollection services, IConfiguration configuration, bool requireHttps)
    {
        services.AddQeduDataProtection();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? CachedBearerHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            // Bearer tokens: OpenIddict's validation, with tokens accepted in the last minute remembered (BearerTokenCache).
            .AddScheme<AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, o =>
            {
                o.ForwardChallenge = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
                o.ForwardForbid = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            })
            .AddIdentityCookies();
        services.AddSingleton<BearerTokenCache>();
        // Parents: a scheme of their own, never the default, so only endpoints whose policy names it ever read its cookie.
        services.AddAuthentication().AddCookie(ParentAuthentication.Scheme, _ => { });

        services.Configure<AccountSecurityOptions>(configuration.GetSection("Security"));
        services.AddScoped<SessionCookieEvents>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountSecurityOptions>>((o, security) =>
            {
                o.Cookie.Name = "qedu.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/access-denied";
                // The server-side session, checked on every request, holds the idle and absolute limits (and says which
                // ended it); the cookie only has to outlive it, by an hour. It is a session cookie all the same (not persistent).
                o.ExpireTimeSpan = TimeSpan.FromHours(security.Value.Sessions.AbsoluteHours + 1);
                o.SlidingExpiration = false;
                o.EventsType = typeof(SessionCookieEvents);
            });
        services.AddScoped<ParentCookieEvents>();
        services.AddOptions<CookieAuthenticationOptions>(ParentAuthentication.Scheme)
            .Configure<IOptions<AccountSecurityOptions>, TimeProvider>((o, security, clock) =>
            {
                o.Cookie.Name = ParentAuthentication.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.LoginPath = ParentAuthentication.LoginPath;
                o.LogoutPath = ParentAuthentication.LogoutPath;
                o.AccessDeniedPath = "/access-denied";
                o.ReturnUrlParameter = "returnUrl";
                // Idle: the cookie's own expiry, renewed by use (sliding), 30 minutes by default. Absolute: 8 hours after
                // sign-in, however busy (ParentCookieEvents), shorter than staff's 12: a parent's phone is often shared or
                // borrowed, an errand takes minutes, and signing in again costs one text. No server-side session table as
                // for staff: the account's session generation (moved on by sign-out and disabling) ends every copy of the
                // cookie at once, which is what a parent needs, and the parent has no list of devices to manage.
                o.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.ParentSessions.IdleMinutes);
                o.SlidingExpiration = true;
                o.TimeProvider = clock;
                o.EventsType = typeof(ParentCookieEvents);
            });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // Identity rebuilds the principal when it re-checks the stamp: keep the session and how the person signed in.
            o.OnRefreshingPrincipal = context =>
            {
                var kept = context.CurrentPrincipal?.Claims
                    .Where(c => c.Type is UserSessions.ClaimType or SessionCookieEvents.MethodClaim or SessionCookieEvents.FailedBeforeClaim)
                    .Select(c => new System.Security.Claims.Claim(c.Type, c.Value))
                    .ToList() ?? [];
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    foreach (var claim in kept.Where(c => !identity.HasClaim(c.Type, c.Value)))
                    {
                        identity.AddClaim(claim);
                    }
                }
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "qedu.af";
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddOpenIddict()
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AllowClientCredentialsFlow();
                o.AllowRefreshTokenFlow();
                o.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, .. Permissions.ClientGrantable]);
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                // The address people and systems reach Qedu at. Without it each request's own address is the issuer, and a
                // token one node issued (for http://10.0.0.11:5080/) would be refused by another: set it when there is
                // more than one node, or when nodes are reached under several names (docs/operations.md).
                if (configuration["Oidc:Issuer"] is { Length: > 0 } issuer)
                {
                    o.SetIssuer(Uri.TryCreate(issuer, UriKind.Absolute, out var address) && address.Scheme is "https" or "http"
                        ? address
                        : throw new InvalidOperationException($"Oidc:Issuer: '{issuer}' is not an absolute http(s) address, e.g. https://qedu.example.edu.cn/"));
                }
                // Plain signed JWTs, so other systems can validate Qedu's tokens against its published keys.
                o.DisableAccessTokenEncryption();
                var aspnet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!requireHttps)
                {
                    aspnet.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OidcKeyConfigurator>();

        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAuthorizationHandler, BureauRoleHandler>();
        services.AddAuthorization(o =>
        {
            // Parents' pages and endpoints: authenticated by the parent scheme alone (a staff cookie is not read, so it
            // never satisfies this), and the principal must name a parent account.
            o.AddPolicy(ParentAuthentication.Policy, p =>
            {
                p.AuthenticationSchemes = [ParentAuthentication.Scheme];
                p.RequireAuthenticatedUser().RequireClaim(ParentAuthentication.AccountClaim);
            });
            o.AddPolicy(BureauRoleRequirement.Policy, p => p.RequireAuthenticatedUser().AddRequirements(new BureauRoleRequirement()));
            foreach (var permission in Permissions.All)
            {
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }
        });
        return services;
    }

    /// <summary>Resolves the caller's grants once, asynchronously, right after authentication.</summary>
    public static IApplicationBuilder UseQeduAccess(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<CurrentAccess>().EnsureResolvedAsync(context.RequestAborted);
            await next(context);
        });

    /// <summary>
    /// Requests from programs rather than people: the JSON API and the token endpoints. (The authorization and
    /// end-session endpoints are visited by a person's browser and keep the sign-in redirect.)
    /// </summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || request.Path.StartsWithSegments("/connect/token")
        || request.Path.StartsWithSegments("/connect/userinfo");
}
