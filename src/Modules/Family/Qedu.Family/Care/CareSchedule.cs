using Qedu.Family.Domain;
using Qedu.Kernel.Calendar;

namespace Qedu.Family.Care;

/// <summary>
/// The days an after-school care offer runs: the working days of the city's calendar (holidays and make-up days
/// included) in its term that fall on its weekdays. The same count serves the guardian's page and the term statement.
/// </summary>
internal static class CareSchedule
{
    /// <summary>Whether care runs on <paramref name="day"/>.</summary>
    public static bool RunsOn(CareOffer offer, WorkingDays calendar, DateOnly day) =>
        day >= offer.TermStarts && day <= offer.TermEnds && offer.Days.Contains((int)day.DayOfWeek is 0 ? 7 : (int)day.DayOfWeek) && calendar.IsWorkingDay(day);

    /// <summary>The days care runs from the term's start up to and including <paramref name="upTo"/> (the whole term when later).</summary>
    public static int DaysUpTo(CareOffer offer, WorkingDays calendar, DateOnly upTo)
    {
        var last = upTo < offer.TermEnds ? upTo : offer.TermEnds;
        var days = 0;
        for (var day = offer.TermStarts; day <= last; day = day.AddDays(1))
        {
            if (RunsOn(offer, calendar, day))
            {
                days++;
            }
        }
        return days;
    }

    /// <summary>Whether guardians may still enrol (or withdraw) on <paramref name="today"/>.</summary>
    public static bool Open(CareOffer offer, DateOnly today) => today <= offer.EnrolUntil && today <= offer.TermEnds;
}
