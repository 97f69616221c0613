using System.Globalization;

namespace Qedu.StudentServices.Web;

/// <summary>How the pages write the figures: shares as percentages, means with one decimal, "—" for none.</summary>
internal static class FigureFormat
{
    /// <summary>A share 0..1 as a percentage with one decimal, or "—".</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A mean with one decimal, or "—".</summary>
    public static string Mean(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
