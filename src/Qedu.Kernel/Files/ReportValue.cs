namespace Qedu.Kernel.Files;

/// <summary>
/// A value from an uploaded file as an error report repeats it: cut to a length a person reads, so a hostile file's
/// megabyte-long cell does not come back as a megabyte-long report (or log line).
/// </summary>
public static class ReportValue
{
    public const int MaxLength = 100;

    public static string Cut(string value) => value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");

    public static string? CutOrNull(string? value) => value is null ? null : Cut(value);
}
