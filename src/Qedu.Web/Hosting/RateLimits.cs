using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Web;
using Qedu.Web.Resources;

namespace Qedu.Web.Hosting;

internal static class RateLimits
{
    /// <summary>
    /// Sign-in attempts (the login form, its second-factor step and the token endpoint) are limited per client address, so passwords and client
    /// secrets cannot be guessed at speed; the account lockout then stops slow guessing of one account. The parent sign-in
    /// page's posts (asking for a code, entering it) have a limit of their own per address
    /// (<c>Security:ParentSignInPostsPerMinute</c>): the per-number code limits do not stop one client from asking codes
    /// for many numbers, and texts cost money. It is looser than the staff one because many parents on a mobile network
    /// share one address (carrier-grade NAT) in the days an enrolment opens, and it is counted apart so that neither
    /// group's use blocks the other's.
    /// </summary>
    public static IServiceCollection AddQeduRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Security:LoginAttemptsPerMinute", 10);
        var parentPerMinute = configuration.GetValue("Security:ParentSignInPostsPerMinute", 30);
        var writeConcurrency = configuration.GetValue("Admission:WriteConcurrency", 64);
        var writeQueue = configuration.GetValue("Admission:WriteQueue", 128);
        var readConcurrency = configuration.GetValue("Admission:ReadConcurrency", 64);
        var readQueue = configuration.GetValue("Admission:ReadQueue", 128);
        services.AddSingleton<AdmissionSchedules>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Admission control (AdmissionControl): a fixed number of writes run at once, a short queue waits, the rest
            // are told to come back; one limiter per node, which is what the node can carry.
            o.AddConcurrencyLimiter(AdmissionControl.Writes, c =>
            {
                c.PermitLimit = writeConcurrency;
                c.QueueLimit = writeQueue;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.AddConcurrencyLimiter(AdmissionControl.Reads, c =>
            {
                c.PermitLimit = readConcurrency;
                c.QueueLimit = readQueue;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var path = context.Request.Path;
                var isSignIn = HttpMethods.IsPost(context.Request.Method)
                    && (path.Equals("/login", StringComparison.OrdinalIgnoreCase) || path.Equals("/login/two-factor", StringComparison.OrdinalIgnoreCase)
                        || path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase));
                var isParentSignIn = HttpMethods.IsPost(context.Request.Method)
                    && path.Equals(ParentAuthentication.LoginPath, StringComparison.OrdinalIgnoreCase);
                if (!isSignIn && !isParentSignIn)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(isParentSignIn ? "parent|" + client : client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = isParentSignIn ? parentPerMinute : perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                if (context.HttpContext.RequestServices.GetRequiredService<AdmissionSchedules>().For(policy) is { } schedule)
                {
                    // A slot in the virtual queue: the crowd turned away comes back no faster than it can be let in.
                    var seconds = schedule.Next();
                    context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var kernelText = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<KernelText>>();
                    var busy = policy == AdmissionControl.Reads ? kernelText["Admission.BusyRead"] : kernelText["Admission.Busy"];
                    await Results.Problem(string.Format(busy, seconds), statusCode: StatusCodes.Status429TooManyRequests)
                        .ExecuteAsync(context.HttpContext);
                    return;
                }
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<WebText>>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var parent = context.HttpContext.Request.Path.Equals(ParentAuthentication.LoginPath, StringComparison.OrdinalIgnoreCase);
                var message = parent ? text["Parent.Login.TooMany"] : text["Login.TooMany"];
                // A parent on a phone posting the sign-in form gets a page with the way back, not a JSON document.
                await ErrorPage.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, message.Value,
                    parent ? ParentAuthentication.LoginPath : "/login", text["Error.Back"].Value);
            };
        });
        return services;
    }

    /// <summary>
    /// Counts the requests admission control let in (right after the limiter), per policy: the rate at which the
    /// turned-away are told to come back (<see cref="RetrySchedule"/>).
    /// </summary>
    public static IApplicationBuilder UseQeduAdmissionCount(this IApplicationBuilder app)
    {
        var schedules = app.ApplicationServices.GetRequiredService<AdmissionSchedules>();
        return app.Use((context, next) =>
        {
            schedules.For(context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName)?.Admitted();
            return next(context);
        });
    }
}
