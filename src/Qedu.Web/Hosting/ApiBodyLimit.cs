using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Web;

namespace Qedu.Web.Hosting;

internal static class ApiBodyLimit
{
    /// <summary>
    /// JSON API and token requests are small: refuse larger bodies with 413 and a message before reading them. Uploads
    /// have larger limits: an endpoint that states its own (<see cref="IRequestSizeLimitMetadata"/>:
    /// <c>RequestSizeLimitAttribute</c>, or <c>DisableRequestSizeLimitAttribute</c> where the endpoint streams the body
    /// and holds it to a configurable limit with a message of its own) is held to that one. Runs after routing, so the
    /// endpoint is known.
    /// </summary>
    public static IApplicationBuilder UseQeduApiBodyLimit(this IApplicationBuilder app, IConfiguration configuration)
    {
        var limit = configuration.GetValue<long>("Security:MaxApiBodyBytes", 1024 * 1024);
        return app.Use(async (context, next) =>
        {
            var body = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own)
            {
                if (own.MaxRequestBodySize is { } max && context.Request.ContentLength > max)
                {
                    await TooLargeAsync(context, max);
                    return;
                }
                if (body is { IsReadOnly: false })
                {
                    body.MaxRequestBodySize = own.MaxRequestBodySize;
                }
            }
            else if (WebSecurityServiceCollectionExtensions.IsApi(context.Request))
            {
                if (context.Request.ContentLength > limit)
                {
                    await TooLargeAsync(context, limit);
                    return;
                }
                if (body is { IsReadOnly: false })
                {
                    body.MaxRequestBodySize = limit;
                }
            }
            await next(context);
        });
    }

    /// <summary>The limit as people say it: whole megabytes from one up, else kilobytes.</summary>
    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";

    private static Task TooLargeAsync(HttpContext context, long max)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<KernelText>>();
        return Results.Problem(string.Format(text["Request.TooLarge"], Describe(max)), statusCode: StatusCodes.Status413PayloadTooLarge)
            .ExecuteAsync(context);
    }
}
