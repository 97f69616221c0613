using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Identity;
using Qedu.Web.Resources;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qedu.Web.Features.SingleSignOn;

/// <summary>
/// The OpenID Connect provider's endpoints that need Qedu's knowledge (OpenIddict handles the protocol): who the person
/// signing in is (authorization code + PKCE), which org a client is bound to (client credentials), who a token's owner is
/// (userinfo), signing out everywhere (end session). Discovery is at /.well-known/openid-configuration.
/// </summary>
internal static class SingleSignOnEndpoints
{
    public static void MapSingleSignOn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/connect/token", TokenAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<QeduUser> users, AuditTrail audit, IStringLocalizer<WebText> text)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, text["Sso.AccountUnavailable"]);
            }
            // Back to this same request once the person has signed in.
            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            parameters.RemoveAll(p => p.Key == Parameters.Prompt);
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.GetUserAsync(cookie.Principal!);
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            return Forbid(Errors.AccessDenied, text["Sso.AccountUnavailable"]);
        }
        var identity = UserIdentity(user, request.GetScopes());
        await audit.RecordAsync("sso.authorize", "User", user.UserName, user.HomeOrgUnitId, $"client={request.ClientId}");
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        UserManager<QeduUser> users,
        IStringLocalizer<WebText> text)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!);
            if (application is null)
            {
                return Forbid(Errors.InvalidClient, text["Sso.UnknownClient"]);
            }
            var properties = await applications.GetPropertiesAsync(application);
            var org = properties.TryGetValue(QeduClaims.ClientOrgProperty, out var value) ? value.GetString() : null;
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetClaim(QeduClaims.Actor, "client");
            identity.SetClaim(QeduClaims.Org, org);
            // A client that asks for no scope gets every scope it is allowed (as the README's first example does); one
            // that asks gets what it asked for, which OpenIddict has already held to the allowed ones.
            var scopes = request.GetScopes();
            if (scopes.IsEmpty)
            {
                scopes = [.. (await applications.GetPermissionsAsync(application))
                    .Where(p => p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[OpenIddictConstants.Permissions.Prefixes.Scope.Length..])];
            }
            identity.SetScopes(scopes);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var stored = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(stored.Principal?.GetClaim(Claims.Subject) ?? "");
            // The account may have been disabled since the code or refresh token was issued.
            if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, text["Sso.AccountUnavailable"]);
            }
            var identity = UserIdentity(user, stored.Principal!.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, text["Sso.UnsupportedGrant"]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<QeduUser> users)
    {
        var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = await users.FindByIdAsync(token.Principal?.GetClaim(Claims.Subject) ?? "");
        if (user is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (token.Principal!.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName;
            claims[Claims.PreferredUsername] = user.UserName;
        }
        return Results.Ok(claims);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<QeduUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/login" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static ClaimsIdentity UserIdentity(QeduUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaim(Claims.PreferredUsername, user.UserName);
        identity.SetClaim(QeduClaims.Actor, "user");
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name or Claims.PreferredUsername => [Destinations.AccessToken],
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return identity;
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
