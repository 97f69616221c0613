using NetArchTest.Rules;

namespace Qedu.Allocation.Tests;

/// <summary>The engine is a pure library (docs/ARCHITECTURE.md): no I/O, no database, no web, no clock, no
/// unseeded randomness, so the same inputs and seed give the same result anywhere.</summary>
public class PurityTests
{
    [Fact]
    public void The_engine_touches_no_files_network_database_web_clock_or_unseeded_randomness()
    {
        TestResult result = Types.InAssembly(typeof(Allocator).Assembly).ShouldNot().HaveDependencyOnAny(
                "System.IO", "System.Net", "System.Console", "System.Environment", "System.Random", "System.DateTime",
                "System.DateTimeOffset", "System.TimeProvider", "System.Diagnostics.Stopwatch", "System.Threading.Tasks",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        Assert.All(typeof(Allocator).Assembly.GetReferencedAssemblies(), a => Assert.StartsWith("System.", a.Name, StringComparison.Ordinal));
    }
}
