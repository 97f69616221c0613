using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Web;

namespace Qedu.Web.Features.Parents;

internal static class ParentEndpoints
{
    /// <summary>
    /// A parent's sign-out: a POST with an antiforgery token (no other site can sign a parent out). It ends the account's
    /// sessions everywhere (a copied cookie dies with it) and removes the cookie. Behind the parent policy, so the request's
    /// user is the parent when the antiforgery token is checked (the token is bound to the user it was issued to, the
    /// parent, on the page with the sign-out button); without a parent session it is the parent sign-in page.
    /// </summary>
    public static void MapParents(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(ParentAuthentication.LogoutPath, async Task<Results<RedirectHttpResult, BadRequest>> (ParentAccounts accounts, HttpContext context) =>
            {
                if (ParentAuthentication.ParentId(context.User) is not { } parentId)
                {
                    return TypedResults.Redirect(ParentAuthentication.LoginPath); // no parent session to end
                }
                // The antiforgery middleware only records its verdict for a handler that binds no form: act on it here.
                if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                {
                    return TypedResults.BadRequest();
                }
                await accounts.EndSessionsAsync(parentId, context.RequestAborted);
                await context.SignOutAsync(ParentAuthentication.Scheme);
                return TypedResults.Redirect(ParentAuthentication.LoginPath);
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireAuthorization(ParentAuthentication.Policy)
            .ExcludeFromDescription();
}
