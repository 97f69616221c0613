using NetArchTest.Rules;

namespace Qedu.ExamAnalysis.Tests;

/// <summary>The statistics are a pure library: no I/O, no database, no web, no clock, no unseeded randomness, so the same scores give the same figures anywhere.</summary>
public class PurityTests
{
    [Fact]
    public void The_statistics_touch_no_files_network_database_web_clock_or_randomness()
    {
        TestResult result = Types.InAssembly(typeof(ScoreStatistics).Assembly).ShouldNot().HaveDependencyOnAny(
                "System.IO", "System.Net", "System.Console", "System.Environment", "System.Random", "System.DateTime",
                "System.DateTimeOffset", "System.TimeProvider", "System.Diagnostics.Stopwatch", "System.Threading.Tasks",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        // The framework and the numerics library, nothing of Qedu's.
        Assert.All(typeof(ScoreStatistics).Assembly.GetReferencedAssemblies(),
            a => Assert.True(a.Name!.StartsWith("System.", StringComparison.Ordinal) || a.Name == "MathNet.Numerics", a.Name));
    }
}
