using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Qedu.Kernel.Web;

namespace Qedu.Web.Hosting;

internal static class Localization
{
    public static readonly CultureInfo Chinese = new("zh-CN");
    public static readonly CultureInfo English = new("en");

    public static IServiceCollection AddQeduLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = [Chinese, English];
            o.SupportedUICultures = [Chinese, English];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Chinese first: a person's browser language does not switch the interface (the switch does, by cookie);
            // API callers may ask for English with Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseQeduLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            WebSecurityServiceCollectionExtensions.IsApi(httpContext.Request)
                ? base.DetermineProviderCultureResult(httpContext)
                : Task.FromResult<ProviderCultureResult?>(null);
    }
}
