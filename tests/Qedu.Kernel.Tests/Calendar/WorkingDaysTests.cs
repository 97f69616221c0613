using Qedu.Kernel.Calendar;

namespace Qedu.Kernel.Tests.Calendar;

/// <summary>
/// The working-day calendar shipped with Qedu, on cases worked by hand from the State Council's notices for 2025 and
/// 2026: limits count from the day after the start, skip holidays and count the weekend days worked (调休).
/// </summary>
public sealed class WorkingDaysTests
{
    private static readonly WorkingDays Days = Shipped();

    private static WorkingDays Shipped()
    {
        var content = CalendarFile.Shipped(out _);
        return new WorkingDays(content.Days.Select(d => (d.Date, d.Working)), content.Years.Select(y => y.Year));
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_shipped_notices_cover_2025_and_2026_with_their_sources_and_know_holidays_and_adjusted_working_days()
    {
        var content = CalendarFile.Shipped(out var digest);
        Assert.Equal([2025, 2026], content.Years.Select(y => y.Year));
        Assert.Contains("国办发明电〔2024〕12号", content.Years[0].Source, StringComparison.Ordinal);
        Assert.Contains("2026年部分节假日安排", content.Years[1].Source, StringComparison.Ordinal);
        Assert.Equal(16, digest.Length);

        Assert.False(Days.IsWorkingDay(D("2025-10-08")));  // a Wednesday in National Day
        Assert.True(Days.IsWorkingDay(D("2025-10-11")));   // a Saturday worked
        Assert.True(Days.IsWorkingDay(D("2026-01-04")));   // a Sunday worked after New Year
        Assert.False(Days.IsWorkingDay(D("2026-02-23")));  // a Monday, the last of the Spring Festival
        Assert.True(Days.IsWorkingDay(D("2026-02-28")));   // a Saturday worked
        Assert.False(Days.IsWorkingDay(D("2026-03-07")));  // an ordinary Saturday
        Assert.True(Days.IsWorkingDay(D("2026-03-09")));   // an ordinary Monday
    }

    [Theory]
    // Five working days from the day before National Day 2025: 9, 10, 11 (Saturday, worked), 13, 14 October.
    [InlineData("2025-09-30", 5, "2025-10-14")]
    // Three from the Friday before the 2026 Spring Festival: 14 February (Saturday, worked), then 24 and 25 February.
    [InlineData("2026-02-13", 3, "2026-02-25")]
    // Across the year: New Year 2026 is 1 to 3 January; Sunday 4 January is worked.
    [InlineData("2025-12-31", 2, "2026-01-05")]
    // Labour Day 2025 (1 to 5 May) with Sunday 27 April worked: from Friday 25 April, 27 and 28 April, then 29, 30 April.
    [InlineData("2025-04-25", 4, "2025-04-30")]
    [InlineData("2025-04-25", 5, "2025-05-06")]
    // An ordinary week: Friday plus 1 is Monday; a limit of 0 is the start itself.
    [InlineData("2026-03-06", 1, "2026-03-09")]
    [InlineData("2026-03-06", 0, "2026-03-06")]
    public void A_limit_ends_on_the_nth_working_day_after_the_start(string start, int limit, string due)
    {
        Assert.Equal(D(due), Days.AddWorkingDays(D(start), limit));
        Assert.Equal(limit, Days.Between(D(start), D(due)));
    }

    [Fact]
    public void Counting_and_adding_agree_on_every_start_of_both_years()
    {
        for (var start = D("2025-01-01"); start <= D("2026-11-30"); start = start.AddDays(1))
        {
            foreach (var limit in new[] { 1, 5, 15, 20 })
            {
                var due = Days.AddWorkingDays(start, limit);
                Assert.True(Days.IsWorkingDay(due), $"{start} + {limit} fell on a day off {due}");
                Assert.Equal(limit, Days.Between(start, due));
                Assert.Equal(limit - 1, Days.Between(start, due.AddDays(-1)));
            }
        }
    }

    [Fact]
    public void A_clock_stops_while_the_applicant_is_asked_for_more_and_goes_on_when_they_answer()
    {
        // Five working days from Tuesday 28 April 2026; on Thursday 30 April (two days used) the case goes back for
        // correction (补正) and returns on Friday 8 May. Three are left: 9 May (Saturday, worked), 11 and 12 May.
        var started = D("2026-04-28");
        var away = new ClockPause(D("2026-04-30"), null);
        var whileAway = Days.Read(started, 5, [away], D("2026-05-06"));
        Assert.True(whileAway.Stopped);
        Assert.Null(whileAway.Due);
        Assert.Equal(2, whileAway.Used);
        Assert.False(whileAway.DueSoon(D("2026-05-06")));

        var back = new ClockPause(D("2026-04-30"), D("2026-05-08"));
        Assert.Equal(D("2026-05-12"), Days.Read(started, 5, [back], D("2026-05-08")).Due);
        var monday = Days.Read(started, 5, [back], D("2026-05-11"));
        Assert.Equal((4, 1), (monday.Used, monday.Left));
        Assert.True(monday.DueSoon(D("2026-05-11")));
        Assert.False(monday.Overdue(D("2026-05-11")));
        var late = Days.Read(started, 5, [back], D("2026-05-14"));
        Assert.True(late.Overdue(D("2026-05-14")));
        Assert.Equal(-2, late.Left);
        Assert.True(late.Confirmed);

        // Without the pause the same case was due on Friday 8 May: 29, 30 April, then 6, 7, 8 May (Labour Day is 1 to 5 May).
        Assert.Equal(D("2026-05-08"), Days.Read(started, 5, [], D("2026-04-28")).Due);
    }

    [Fact]
    public void A_limit_reached_before_the_case_went_back_stays_due_on_that_day()
    {
        var reading = Days.Read(D("2026-03-02"), 2, [new ClockPause(D("2026-03-06"), D("2026-03-10"))], D("2026-03-11"));
        Assert.Equal(D("2026-03-04"), reading.Due);
        Assert.True(reading.Overdue(D("2026-03-11")));
    }

    [Fact]
    public void A_year_without_a_notice_counts_weekdays_and_says_the_answer_is_provisional()
    {
        var reading = Days.Read(D("2026-12-28"), 5, [], D("2026-12-28"));
        // Monday 28 December 2026 + 5: 29, 30, 31 December, then Friday 1 and Monday 4 January 2027 (no notice loaded).
        Assert.Equal(D("2027-01-04"), reading.Due);
        Assert.False(reading.Confirmed);
        Assert.False(Days.Covers(2027));
        Assert.True(Days.Read(D("2026-12-01"), 5, [], D("2026-12-01")).Confirmed);
    }
}
