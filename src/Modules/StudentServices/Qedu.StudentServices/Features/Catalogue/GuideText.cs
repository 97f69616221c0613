using System.Globalization;
using Microsoft.Extensions.Localization;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Features.Catalogue;

/// <summary>How the guide's pages word an item's limits and figures.</summary>
internal static class GuideText
{
    /// <summary>"承诺 5 个工作日办结" / "即办" / "按当年工作安排", as the item says.</summary>
    public static string Promise(IStringLocalizer<ServicesText> t, ServiceItemVersion v) =>
        v.Immediate ? t["Guide.OnTheSpot"]
        : v.PromisedDays > 0 ? string.Format(CultureInfo.CurrentCulture, t["Guide.PromisedDays"], v.PromisedDays)
        : t["Guide.NoLimit"];

    /// <summary>A share 0..1 as a percentage with one decimal, or "—".</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A mean with one decimal, or "—".</summary>
    public static string Mean(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
