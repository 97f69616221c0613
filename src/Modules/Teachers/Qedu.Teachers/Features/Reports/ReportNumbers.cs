using System.Globalization;
using System.Security.Cryptography;

namespace Qedu.Teachers.Features.Reports;

/// <summary>A report's public number: JB-{year}-{six random digits}, random so that it says nothing of how many there are.</summary>
internal static class ReportNumbers
{
    public static string New(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"JB-{year}-{RandomNumberGenerator.GetInt32(0, 1_000_000):D6}");

    /// <summary>The number as typed (any case, spaces, with or without dashes), or null when it cannot be one.</summary>
    public static string? Normalise(string? text)
    {
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return compact.Length == 12 && compact.StartsWith("JB", StringComparison.Ordinal) && compact[2..].All(char.IsAsciiDigit)
            ? $"JB-{compact[2..6]}-{compact[6..]}"
            : null;
    }
}
