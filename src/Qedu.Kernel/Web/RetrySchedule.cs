namespace Qedu.Kernel.Web;

/// <summary>
/// When to tell a turned-away client to come back: a virtual queue. Each refusal gets the next free slot, and slots are
/// handed out at the rate the node has been letting requests in, so the clients told to retry come back no faster than
/// they can be served. Without it a crowd turned away for 1–3 seconds comes back in step, is turned away again, and the
/// refusals themselves take the processor (measured in issue 19: at 1,000 submissions a second offered, 4,500 refusals
/// a second, and fewer submissions went through than at 750). When nobody is being refused the schedule is empty and
/// the answer is 1–3 seconds, spread so that those few do not return together either.
/// </summary>
public sealed class RetrySchedule(TimeProvider clock)
{
    /// <summary>The longest wait ever told: a client holding a slot further out is better told to try again then.</summary>
    public const int MaxSeconds = 60;

    private readonly Lock _gate = new();
    private readonly long[] _admitted = new long[Window];
    private long _admittedSecond;
    private double _nextSlot;

    /// <summary>
    /// Seconds of admissions remembered for the rate. The rate is the best whole second among them: a node just started
    /// (its code not yet optimised) or briefly stalled lets fewer in than it soon will, and an average would push the
    /// crowd it turns away far into the future.
    /// </summary>
    private const int Window = 10;

    /// <summary>Counts a request let in (past the limiter): the rate the schedule hands out slots at.</summary>
    public void Admitted()
    {
        var second = (long)Now();
        lock (_gate)
        {
            Roll(second);
            _admitted[second % Window]++;
        }
    }

    /// <summary>The seconds a refused client should wait (the value of its Retry-After).</summary>
    public int Next()
    {
        var now = Now();
        lock (_gate)
        {
            Roll((long)now);
            // The best whole second remembered (the current one is partial).
            long best = 0;
            for (var s = (long)now - Window + 1; s < (long)now; s++)
            {
                best = Math.Max(best, _admitted[s % Window]);
            }
            var rate = Math.Max(1.0, best);
            // The schedule starts a second out (nobody is told 0) and, when it has run empty, spreads over 1-3 seconds.
            if (_nextSlot < now + 1)
            {
                _nextSlot = now + 1 + Random.Shared.NextDouble() * 2;
            }
            var wait = _nextSlot - now;
            if (wait > MaxSeconds)
            {
                // A queue a minute deep: the node is far past its capacity. Those turned away now are spread over the
                // second half of the minute and do not push the schedule further out, so it empties within a minute of
                // the crowd thinning.
                return MaxSeconds / 2 + Random.Shared.Next(MaxSeconds / 2 + 1);
            }
            _nextSlot += 1 / rate;
            return (int)Math.Clamp(Math.Ceiling(wait), 1, MaxSeconds);
        }
    }

    private double Now() => clock.GetTimestamp() / (double)clock.TimestampFrequency;

    /// <summary>Clears the counts of the seconds that passed since the last one counted.</summary>
    private void Roll(long second)
    {
        if (second <= _admittedSecond)
        {
            return;
        }
        for (var s = Math.Max(_admittedSecond + 1, second - Window + 1); s <= second; s++)
        {
            _admitted[s % Window] = 0;
        }
        _admittedSecond = second;
    }
}

/// <summary>The retry schedules of admission control's policies, one per policy (a node's writes and reads have their own rates).</summary>
public sealed class AdmissionSchedules(TimeProvider clock)
{
    public RetrySchedule Writes { get; } = new(clock);

    public RetrySchedule Reads { get; } = new(clock);

    /// <summary>The schedule of an admission-control policy; null for any other policy.</summary>
    public RetrySchedule? For(string? policy) => policy switch
    {
        AdmissionControl.Writes => Writes,
        AdmissionControl.Reads => Reads,
        _ => null,
    };
}
