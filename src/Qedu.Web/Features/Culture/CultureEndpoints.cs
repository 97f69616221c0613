using Microsoft.AspNetCore.Localization;

namespace Qedu.Web.Features.Culture;

internal static class CultureEndpoints
{
    /// <summary>Remembers the chosen interface language in a cookie for a year and returns to the page.</summary>
    public static void MapCulture(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (string? c, string? returnUrl, HttpContext context) =>
            {
                var culture = c == "en" ? "en" : "zh-CN";
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return TypedResults.LocalRedirect(Qedu.Web.Components.LoginUrls.Local(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
