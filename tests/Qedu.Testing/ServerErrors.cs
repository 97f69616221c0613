using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Qedu.Testing;

/// <summary>
/// Keeps every error the host logs (the unhandled exception behind a 500 above all), so a test that sees a 500 can say
/// why instead of leaving the next person to reproduce it.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> All => _errors;

    /// <summary>The errors logged since <paramref name="seen"/> were counted, for a failure message.</summary>
    public string Since(int seen) => string.Join("\n", _errors.Skip(seen).Select(e => "    " + e.Replace("\n", "\n    ", StringComparison.Ordinal)));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerErrors sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink._errors.Enqueue($"[{category}] {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}
