using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Qedu.Web.Hosting;

namespace Qedu.Web.Tests.Platform;

/// <summary>
/// A database outage is logged as one warning per interval with how many requests it turned away, not a line per
/// request (bench/failover shows the whole path: about 800 answers 503, one warning).
/// </summary>
public sealed class OutageLogTests
{
    [Fact]
    public void The_first_503_writes_a_line_and_the_rest_of_the_interval_are_counted_into_the_next()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        var lines = new Lines();
        var log = new OutageLog(lines, clock);

        log.Note();
        for (var i = 0; i < 799; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            log.Note();
        }
        var afterEightSeconds = lines.Warnings.Count;
        clock.Advance(OutageLog.Interval);
        log.Note();

        Assert.Equal(1, afterEightSeconds);
        Assert.Equal(2, lines.Warnings.Count);
        Assert.Contains("1 request(s) answered 503", lines.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("800 request(s) answered 503", lines.Warnings[1], StringComparison.Ordinal);
        Assert.All(lines.Categories, c => Assert.Equal("Qedu.Web.DatabaseOutage", c));
    }

    private sealed class Lines : ILoggerFactory, ILogger
    {
        public List<string> Warnings { get; } = [];
        public List<string> Categories { get; } = [];

        public ILogger CreateLogger(string categoryName)
        {
            Categories.Add(categoryName);
            return this;
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Assert.Equal(LogLevel.Warning, logLevel);
            Warnings.Add(formatter(state, exception));
        }
    }
}
