using System.Globalization;
using Microsoft.Extensions.Localization;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Resources;

using Qedu.StudentServices.Catalogue;

namespace Qedu.StudentServices.Features.Catalogue;

/// <summary>How the guide's pages word an item's limits.</summary>
internal static class GuideText
{
    /// <summary>"承诺 5 个工作日办结" / "即办" / "按当年工作安排", as the item says.</summary>
    public static string Promise(IStringLocalizer<ServicesText> t, ServiceItemVersion v) =>
        v.Immediate ? t["Guide.OnTheSpot"]
        : v.PromisedDays > 0 ? string.Format(CultureInfo.CurrentCulture, t["Guide.PromisedDays"], v.PromisedDays)
        : t["Guide.NoLimit"];
}
