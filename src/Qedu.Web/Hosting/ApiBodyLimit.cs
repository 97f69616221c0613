using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Web;

namespace Qedu.Web.Hosting;

internal static class ApiBodyLimit
{
    /// <summary>
    /// JSON API and token requests are small: refuse larger bodies with 413 and a message before reading them
    /// (file uploads, <see cref="UploadPath"/>, have their own, larger limits on their own endpoints).
    /// </summary>
    public static IApplicationBuilder UseQeduApiBodyLimit(this IApplicationBuilder app, IConfiguration configuration)
    {
        var limit = configuration.GetValue<long>("Security:MaxApiBodyBytes", 1024 * 1024);
        var uploads = app.ApplicationServices.GetServices<UploadPath>().Select(u => new PathString(u.Prefix)).ToList();
        return app.Use(async (context, next) =>
        {
            if (uploads.Any(u => context.Request.Path.StartsWithSegments(u)))
            {
                var upload = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (upload is { IsReadOnly: false })
                {
                    upload.MaxRequestBodySize = null;
                }
            }
            else if (WebSecurityServiceCollectionExtensions.IsApi(context.Request))
            {
                if (context.Request.ContentLength > limit)
                {
                    var text = context.RequestServices.GetRequiredService<IStringLocalizer<KernelText>>();
                    await Results.Problem(
                            string.Format(text["Request.TooLarge"], $"{limit / 1024} KB"),
                            statusCode: StatusCodes.Status413PayloadTooLarge)
                        .ExecuteAsync(context);
                    return;
                }
                var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (feature is { IsReadOnly: false })
                {
                    feature.MaxRequestBodySize = limit;
                }
            }
            await next(context);
        });
    }
}
