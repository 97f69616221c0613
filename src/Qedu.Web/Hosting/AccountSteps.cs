using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Web.Resources;

namespace Qedu.Web.Hosting;

internal static class AccountSteps
{
    /// <summary>The page where each pending step is taken.</summary>
    public static string PageOf(AccountStep step) => step switch
    {
        AccountStep.ChangePassword => "/account/password",
        AccountStep.EnrolTwoFactor => "/account/two-factor",
        _ => "/",
    };

    /// <summary>
    /// Parents' pages (the sign-in and those behind the parent policy) are not the staff account's business: a staff
    /// member with a step pending who is also a parent is not sent from them to the step.
    /// </summary>
    private static bool IsForParents(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ParentAuthentication.LoginPath)
        || context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Any(a => a.Policy == ParentAuthentication.Policy) == true;

    /// <summary>
    /// A person with a step to take first (their own password, a required second factor) is sent to it from every page,
    /// and coming back to where they were going afterwards; the API answers 403 saying what to do. They hold no grants
    /// meanwhile (<see cref="AccessResolver"/>), so this is about leading them, not about protecting data.
    /// </summary>
    public static IApplicationBuilder UseQeduAccountSteps(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var step = context.RequestServices.GetRequiredService<ICurrentAccess>().Current.PendingStep;
            var path = context.Request.Path;
            var stepPage = PageOf(step);
            if (step == AccountStep.None || path.StartsWithSegments(stepPage) || path.StartsWithSegments("/logout") || path.StartsWithSegments("/culture")
                || path.StartsWithSegments("/api/me") || IsForParents(context))
            {
                await next(context);
                return;
            }
            if (WebSecurityServiceCollectionExtensions.IsApi(context.Request))
            {
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<WebText>>();
                await Results.Problem(text[$"Account.StepRequired.{step}"].Value, statusCode: StatusCodes.Status403Forbidden,
                    extensions: new Dictionary<string, object?> { ["step"] = stepPage }).ExecuteAsync(context);
                return;
            }
            var isPage = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || path.StartsWithSegments("/connect/authorize");
            if (isPage && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{stepPage}?ReturnUrl={Uri.EscapeDataString(back)}");
                return;
            }
            await next(context);
        });
}
