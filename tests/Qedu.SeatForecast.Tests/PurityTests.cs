using NetArchTest.Rules;

namespace Qedu.SeatForecast.Tests;

/// <summary>The forecast is a pure library: no I/O, no database, no web, no clock, no randomness, so the same figures
/// give the same forecast anywhere.</summary>
public class PurityTests
{
    [Fact]
    public void The_forecast_touches_no_files_network_database_web_clock_or_randomness()
    {
        TestResult result = Types.InAssembly(typeof(SeatForecaster).Assembly).ShouldNot().HaveDependencyOnAny(
                "System.IO", "System.Net", "System.Console", "System.Environment", "System.Random", "System.DateTime",
                "System.DateTimeOffset", "System.TimeProvider", "System.Diagnostics.Stopwatch", "System.Threading.Tasks",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        // The framework only, nothing of Qedu's.
        Assert.All(typeof(SeatForecaster).Assembly.GetReferencedAssemblies(), a => Assert.StartsWith("System.", a.Name, StringComparison.Ordinal));
    }
}
