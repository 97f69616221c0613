using System.Globalization;

namespace Qedu.Plans.Tasks;

/// <summary>
/// A task's deadline as people read it. In Chinese, as the plan printed it (长期, 2022年12月); in English the printed
/// words would stay Chinese, so the date it was read as is shown, and 长期 (ongoing work) says so.
/// </summary>
internal static class DeadlineLabel
{
    private const string Ongoing = "长期";

    public static string Of(string? printed, DateOnly? dueOn, bool english)
    {
        var date = dueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(printed))
        {
            return date ?? "—";
        }
        if (!english)
        {
            return printed;
        }
        var ongoing = printed.Contains(Ongoing, StringComparison.Ordinal);
        return (ongoing, date) switch
        {
            (true, null) => "Ongoing",
            (true, _) => $"Ongoing (first step by {date})",
            (false, not null) => date,
            _ => printed,
        };
    }
}
