namespace Qedu.Kernel.Calendar;

/// <summary>The date in China (UTC+8, no daylight saving): the day a time limit, a deadline or a 'today' is counted in; and the school year.</summary>
public static class CityDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => Of(clock.GetUtcNow());

    /// <summary>The school year a day falls in, by the year it starts: September to August (2026 is 2026–27).</summary>
    public static int SchoolYearOf(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;

    /// <summary>The first day of a school year (1 September).</summary>
    public static DateOnly SchoolYearStarts(int schoolYear) => new(schoolYear, 9, 1);
}
