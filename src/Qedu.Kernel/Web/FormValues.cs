using System.Globalization;

namespace Qedu.Kernel.Web;

/// <summary>Values as a page's form posts them: text, so a bad one is refused by the use case by name instead of thrown by binding.</summary>
public static class FormValues
{
    /// <summary>A date from an <c>&lt;input type="date"&gt;</c> (yyyy-MM-dd), or null when empty or not a date.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
