using System.Globalization;

namespace Qedu.Exams.Web;

/// <summary>How the exam pages write numbers: scores to one decimal, rates as percentages, a missing figure as a dash.</summary>
internal static class Numbers
{
    public static string Score(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>Full marks as written on a paper: 120, 7.5.</summary>
    public static string Marks(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Signed(double? value) => value is { } v ? v.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) : "—";

    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
