namespace Qedu.Web.Hosting;

/// <summary>
/// Requests answered 503 because the database was out of reach, logged as one warning every <see cref="Interval"/> at
/// most with how many there were, instead of an error with a stack trace per request: a 2-second failover under load is
/// thousands of requests, and an outage is not a fault in any of them.
/// </summary>
internal sealed class OutageLog(ILoggerFactory loggers, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly ILogger _log = loggers.CreateLogger("Qedu.Web.DatabaseOutage");
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastLine;
    private long _unlogged;

    /// <summary>Counts one request answered 503; writes the line when the last one is <see cref="Interval"/> old.</summary>
    public void Note()
    {
        long? requests = null;
        lock (_gate)
        {
            _unlogged++;
            var now = clock.GetUtcNow();
            if (_lastLine is not { } last || now - last >= Interval)
            {
                (requests, _unlogged, _lastLine) = (_unlogged, 0, now);
            }
        }
        if (requests is { } count)
        {
            _log.LogWarning("The database is out of reach: {Requests} request(s) answered 503 with Retry-After since the last line (at most one line every {Seconds} s).",
                count, Interval.TotalSeconds);
        }
    }
}
