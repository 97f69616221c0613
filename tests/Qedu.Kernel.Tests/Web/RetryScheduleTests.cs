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
    public void The_wait_is_capped_past_a_minute_spread_over_its_second_half_and_the_schedule_empties_within_it()
    {
        var schedule = Serving(10);

        var waits = Enumerable.Range(0, 2000).Select(_ => schedule.Next()).ToList();
        // Ten a second for a minute fill the schedule; the rest are told 30-60 s, not all the same.
        Assert.All(waits, w => Assert.InRange(w, 1, RetrySchedule.MaxSeconds));
        Assert.All(waits.Skip(700), w => Assert.InRange(w, RetrySchedule.MaxSeconds / 2, RetrySchedule.MaxSeconds));
        Assert.True(waits.Skip(700).Distinct().Count() > 10);

        _clock.Advance(TimeSpan.FromSeconds(RetrySchedule.MaxSeconds + 1));
        Assert.InRange(schedule.Next(), 1, 3);
    }

    [Fact]
    public void The_rate_is_the_best_second_lately_so_a_slow_start_does_not_push_the_crowd_far_out()
    {
        var schedule = new RetrySchedule(_clock);
        // A node just started lets 10 in, then 20, then 200 a second (its code optimised), then one slow second.
        foreach (var perSecond in new[] { 10, 20, 200, 50 })
        {
            for (var i = 0; i < perSecond; i++)
            {
                schedule.Admitted();
            }
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var waits = Enumerable.Range(0, 1000).Select(_ => schedule.Next()).ToList();

        // A thousand at 200 a second: about five seconds of schedule (at the average, 70 a second, it would be fourteen).
        Assert.InRange(waits[^1] - waits[0], 4, 6);
    }
}
