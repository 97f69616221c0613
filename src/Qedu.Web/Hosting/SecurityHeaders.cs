namespace Qedu.Web.Hosting;

internal static class SecurityHeaders
{
    /// <summary>
    /// Headers that close common browser attack paths: no framing, no MIME sniffing, scripts and styles only from Qedu
    /// itself (the API reference page loads its viewer inline, so it gets a slightly wider policy). Forms may lead
    /// anywhere because signing in for another system ends in a redirect to that system, which browsers check against
    /// form-action.
    /// </summary>
    public static IApplicationBuilder UseQeduSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
                    : "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'self'";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
