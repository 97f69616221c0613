using System.Globalization;

namespace Qedu.Safety;

/// <summary>Dates as the pages' forms send them (yyyy-MM-dd).</summary>
internal static class SafetyDates
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
