using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qedu.Web.Resources;

namespace Qedu.Web.Hosting;

internal static class RateLimits
{
    /// <summary>
    /// Sign-in attempts (the login form, its second-factor step and the token endpoint) are limited per client address, so passwords and client
    /// secrets cannot be guessed at speed; the account lockout then stops slow guessing of one account.
    /// </summary>
    public static IServiceCollection AddQeduRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Security:LoginAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var path = context.Request.Path;
                var isSignIn = HttpMethods.IsPost(context.Request.Method)
                    && (path.Equals("/login", StringComparison.OrdinalIgnoreCase) || path.Equals("/login/two-factor", StringComparison.OrdinalIgnoreCase)
                        || path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase));
                if (!isSignIn)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<WebText>>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(text["Login.TooMany"].Value, statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
