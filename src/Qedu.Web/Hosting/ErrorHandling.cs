using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Web.Resources;

namespace Qedu.Web.Hosting;

internal static class ErrorHandling
{
    /// <summary>
    /// Turns failures into answers a person can act on: bad input and scope violations become 4xx with a message in the
    /// caller's language (API: a problem document; pages: a short page), a database out of reach a 503 with Retry-After,
    /// anything else a 500 without internals.
    /// </summary>
    public static IApplicationBuilder UseQeduErrorHandling(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = Status,
            // A database out of reach is an outage, not a fault in this request: one warning line per interval instead
            // of an error with a stack trace per request (a 2-second failover is thousands of them).
            SuppressDiagnosticsCallback = context => Status(context.Exception) == StatusCodes.Status503ServiceUnavailable
                && Counted(context.HttpContext),
            ExceptionHandler = async context =>
            {
                var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var status = Status(exception);
                context.Response.StatusCode = status;
                if (status == StatusCodes.Status503ServiceUnavailable)
                {
                    // The database is restarting or out of reach for a moment: come back shortly (writes with the same
                    // Idempotency-Key, which never did anything twice).
                    context.Response.Headers.RetryAfter = "5";
                }
                var kernelText = context.RequestServices.GetRequiredService<IStringLocalizer<KernelText>>();
                var webText = context.RequestServices.GetRequiredService<IStringLocalizer<WebText>>();
                var message = exception switch
                {
                    ScopeViolationException => kernelText["Scope.Violation"].Value,
                    BadHttpRequestException { StatusCode: 413 } => string.Format(kernelText["Request.TooLarge"],
                        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max
                            ? ApiBodyLimit.Describe(max)
                            : "1 MB"),
                    BadHttpRequestException bad when bad.InnerException is JsonException json =>
                        string.Format(kernelText["Request.Malformed"], json.Path is null ? json.Message : $"{json.Path} ({json.Message.Split('.')[0]})"),
                    BadHttpRequestException bad when ParameterFailure(bad.Message) is { } failure =>
                        string.Format(kernelText["Request.BadParameter"], failure.Name, failure.Value),
                    BadHttpRequestException bad => bad.Message,
                    DbUpdateConcurrencyException => webText["Error.Concurrency"].Value,
                    _ when status == StatusCodes.Status503ServiceUnavailable => webText["Error.Unavailable"].Value,
                    _ => webText["Error.Unexpected"].Value,
                };
                await ErrorPage.WriteAsync(context, status, message);
            },
        });

    private static bool Counted(HttpContext context)
    {
        context.RequestServices.GetRequiredService<OutageLog>().Note();
        return true;
    }

    private static int Status(Exception? exception) => exception switch
    {
        ScopeViolationException => StatusCodes.Status404NotFound,
        BadHttpRequestException bad => bad.StatusCode,
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        _ when DbErrors.IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The parameter and value of the framework's (English) binding failure, "Failed to bind parameter "int? limit" from
    /// "abc".", so the caller reads it in their own language.
    /// </summary>
    private static (string Name, string Value)? ParameterFailure(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "^Failed to bind parameter \"(?:.* )?([^ \"]+)\" from \"(.*)\"\\.$");
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : null;
    }
}
