using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Identity;

namespace Qedu.Web.Features.Login;

internal static class LoginEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so no other site can sign a person out.</summary>
    public static void MapLogin(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/logout", async Task<Results<RedirectHttpResult, BadRequest>> (SignInManager<QeduUser> signIn, AuditTrail audit, HttpContext context) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    return TypedResults.Redirect("/login"); // no session to end, so nothing a forged post could do
                }
                // The antiforgery middleware checks the token but only records its verdict; a handler that binds no form
                // must act on it itself, or any site could sign a person out.
                if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                {
                    return TypedResults.BadRequest();
                }
                await audit.RecordAsync("auth.sign-out", "User", context.User.Identity.Name);
                await signIn.SignOutAsync();
                return TypedResults.Redirect("/login");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AllowAnonymous()
            .ExcludeFromDescription();
}
