using Microsoft.Extensions.Time.Testing;
using Qedu.Kernel.Web;

namespace Qedu.Kernel.Tests.Web;

/// <summary>
/// The virtual queue behind admission control's Retry-After: a crowd turned away is told to come back at the rate the
/// node has been letting requests in, not all in the same few seconds.
/// </summary>
public class RetryScheduleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A node that has let <paramref name="perSecond"/> requests in each second for the last few seconds.</summary>
    private RetrySchedule Serving(int perSecond)
    {
        var schedule = new RetrySchedule(_clock);
        for (var second = 0; second < 5; second++)
        {
            for (var i = 0; i < perSecond; i++)
            {
                schedule.Admitted();
            }
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        return schedule;
    }

    [Fact]
    public void With_nobody_waiting_the_answer_is_one_to_three_seconds()
    {
        var schedule = Serving(100);

        var waits = Enumerable.Range(0, 20).Select(_ =>
        {
            var wait = schedule.Next();
            _clock.Advance(TimeSpan.FromSeconds(5)); // each refusal alone: the schedule has run empty again
            return wait;
        }).ToList();

        Assert.All(waits, w => Assert.InRange(w, 1, 3));
    }

    [Fact]
    public void A_crowd_turned_away_at_once_is_spread_at_the_rate_the_node_lets_requests_in()
    {
        var schedule = Serving(100);

        var waits = Enumerable.Range(0, 1000).Select(_ => schedule.Next()).ToList();

        // Slots in order, one hundredth of a second apart: the thousandth about ten seconds after the first.
        Assert.Equal(waits.Order(), waits);
        Assert.InRange(waits[0], 1, 3);
        Assert.InRange(waits[^1] - waits[0], 9, 11);
        // Each second of the schedule holds about as many as the node lets in a second.
        Assert.All(waits.GroupBy(w => w).Where(g => g.Key > waits[0] && g.Key < waits[^1]), g => Assert.InRange(g.Count(), 99, 101));
    }

    [Fact]
    public void The_wait_is_capped_and_the_schedule_empties_as_time_passes()
    {
        var schedule = Serving(10);

        var waits = Enumerable.Range(0, 2000).Select(_ => schedule.Next()).ToList();
        Assert.Equal(RetrySchedule.MaxSeconds, waits[^1]);

        _clock.Advance(TimeSpan.FromSeconds(300));
        Assert.InRange(schedule.Next(), 1, 3);
    }
}
