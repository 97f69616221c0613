namespace Qedu.Kernel.Calendar;

/// <summary>The date in China (UTC+8, no daylight saving): the day a time limit, a deadline or a 'today' is counted in.</summary>
public static class CityDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => Of(clock.GetUtcNow());
}
