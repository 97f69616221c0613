namespace Qedu.Kernel.Calendar;

/// <summary>
/// Which days are working days (工作日), as the State Council's yearly holiday notice has them: Monday to Friday work and
/// Saturday and Sunday rest, except the listed days, a holiday (放假) on a weekday or an adjusted working day (调休上班) on
/// a weekend. Time limits in working days (法定 and 承诺 limits) count from the day after a start, as the Civil Code's
/// article 201 counts periods: a limit of 5 started on Tuesday 30 September 2025 ends on Tuesday 14 October 2025, past
/// the eight days of National Day and counting Saturday 11 October, a working day that year.
/// <para>
/// A year the calendar has no notice for (<see cref="Covers"/> false) is counted by the weekdays alone; answers that
/// reach into such a year say so (<see cref="ClockReading.Confirmed"/>), so a page can show them as provisional until
/// the year's file is loaded (<c>qedu calendar import</c>).
/// </para>
/// </summary>
public sealed class WorkingDays
{
    /// <summary>The longest span counted day by day: a limit or an interval past it is a mistake, not a case.</summary>
    public const int MaxSpanDays = 3 * 366;

    private readonly Dictionary<DateOnly, bool> _exceptions;
    private readonly HashSet<int> _years;

    /// <param name="days">The listed days of the covered years: a date and whether people work that day.</param>
    /// <param name="years">The years whose notice the list holds.</param>
    public WorkingDays(IEnumerable<(DateOnly Date, bool Working)> days, IEnumerable<int> years)
    {
        _exceptions = days.ToDictionary(d => d.Date, d => d.Working);
        _years = [.. years];
    }

    /// <summary>Weekdays only: no notice loaded.</summary>
    public static WorkingDays WeekdaysOnly { get; } = new([], []);

    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Whether the year's holiday notice is known.</summary>
    public bool Covers(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The listed day's kind, or null for an ordinary weekday or weekend.</summary>
    public bool? Listed(DateOnly date) => _exceptions.TryGetValue(date, out var working) ? working : null;

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/> (the start day not counted); <paramref name="start"/> itself for 0.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxSpanDays);
        var day = start;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to.DayNumber - from.DayNumber, MaxSpanDays, nameof(to));
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Whether every year from <paramref name="from"/> to <paramref name="to"/> is covered by a notice.</summary>
    public bool CoversSpan(DateOnly from, DateOnly to)
    {
        for (var year = Math.Min(from.Year, to.Year); year <= Math.Max(from.Year, to.Year); year++)
        {
            if (!Covers(year))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Where a time limit stands on <paramref name="today"/>: a clock started on <paramref name="started"/> with
    /// <paramref name="limit"/> working days, stopped during each pause (waiting for the applicant, 补正: the days after
    /// the pause began up to and including the day it ended are not counted).
    /// </summary>
    public ClockReading Read(DateOnly started, int limit, IReadOnlyList<ClockPause> pauses, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var used = 0;
        var cursor = started;
        DateOnly? due = null;
        var remaining = limit;
        var stopped = false;
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            var from = pause.From < cursor ? cursor : pause.From;
            var segment = Between(cursor, from);
            if (due is null && segment >= remaining)
            {
                due = AddWorkingDays(cursor, remaining);
            }
            else if (due is null)
            {
                remaining -= segment;
            }
            used += Between(cursor, Min(from, today));
            if (pause.To is not { } to)
            {
                stopped = true;
                cursor = from;
                break;
            }
            cursor = to < from ? from : to;
        }
        if (!stopped)
        {
            due ??= AddWorkingDays(cursor, remaining);
            used += Between(cursor, today);
        }
        var confirmed = CoversSpan(started, Max(today, due ?? today));
        return new ClockReading(limit, used, due, stopped, confirmed);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>A stop of a clock: from the day the case went back to the applicant to the day it came back (null: still away).</summary>
public sealed record ClockPause(DateOnly From, DateOnly? To);

/// <summary>
/// A time limit read on a day: the working days used (pauses not counted), the due date (null while stopped before
/// it was reached), and whether every year involved is covered by a holiday notice.
/// </summary>
public sealed record ClockReading(int Limit, int Used, DateOnly? Due, bool Stopped, bool Confirmed)
{
    /// <summary>Working days left; negative when overdue.</summary>
    public int Left => Limit - Used;

    public bool Overdue(DateOnly today) => Due is { } due && today > due;

    /// <summary>Due today or on the next working day (the "due soon" lists: at most one working day left).</summary>
    public bool DueSoon(DateOnly today) => !Stopped && Due is { } due && today <= due && Left <= 1;
}
