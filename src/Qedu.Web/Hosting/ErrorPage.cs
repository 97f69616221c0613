using System.Globalization;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Web;
using Qedu.Web.Resources;

namespace Qedu.Web.Hosting;

/// <summary>
/// The short page a browser gets when a request fails outside the pages (an exception, a rate limit): readable on a
/// phone (viewport, the app's stylesheet), in the caller's language, with one way back. API callers and those asking
/// for JSON get a problem document instead.
/// </summary>
internal static class ErrorPage
{
    public static bool WantsProblem(HttpRequest request) =>
        WebSecurityServiceCollectionExtensions.IsApi(request)
        || request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext context, int status, string message, string back = "/", string? backText = null)
    {
        if (WantsProblem(context.Request))
        {
            await Results.Problem(message, statusCode: status).ExecuteAsync(context);
            return;
        }
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<WebText>>();
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN";
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{Html(text["Error.Title"].Value)}</title><link rel=\"stylesheet\" href=\"/_content/Qedu.Ui/qedu.css\"></head><body><main>" +
            $"<h1>{Html(text["Error.Title"].Value)}</h1><div class=\"alert alert-error\" role=\"alert\">{Html(message)}</div>" +
            $"<p><a class=\"button\" href=\"{Html(back)}\">{Html(backText ?? text["Error.Home"].Value)}</a></p></main></body></html>");
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
