using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Data;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Testing;

namespace Qedu.Cli.Tests.Indicators;

/// <summary><c>qedu indicators compute</c>: recomputes and stores a period's indicators and prints them as CSV.</summary>
public sealed class IndicatorsComputeCommandTests : CliTest
{
    [Fact]
    public async Task Writes_every_stored_value_as_org_code_indicator_code_period_value()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var file = Path.Combine(Path.GetTempPath(), $"qedu-indicators-{Guid.NewGuid():N}.csv");
        try
        {
            var run = await Cli.RunAsync("indicators", "compute", "--period", "2024", "--out", file, "--db", Database.Connection);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("2024:", run.Error, StringComparison.Ordinal);

            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal("org_code,indicator_code,period,value", lines[0]);
            var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
            Assert.All(rows, r => Assert.Equal("2024", r[2]));

            // The CSV is exactly the period's stored snapshots.
            await using var services = KernelHost.Build(Database.Settings);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("tests"));
            var codes = await scope.ServiceProvider.GetRequiredService<KernelDb>().OrgUnits.IgnoreQueryFilters().ToDictionaryAsync(u => u.Id, u => u.Code);
            var stored = await scope.ServiceProvider.GetRequiredService<IndicatorsDb>().Snapshots.IgnoreQueryFilters().Where(s => s.Period == "2024").ToListAsync();
            Assert.Equal(stored.Count, rows.Count);
            var byKey = rows.ToDictionary(r => (r[0], r[1]), r => decimal.Parse(r[3], CultureInfo.InvariantCulture));
            Assert.All(stored, s => Assert.Equal(s.Value, byKey[(codes[s.OrgUnitId], s.IndicatorCode)]));
            Assert.Contains(("370200", "large-class-share.primary"), byKey.Keys);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("last year")]
    public async Task A_period_that_is_not_a_year_or_a_month_is_bad_input(string period)
    {
        var run = await Cli.RunAsync("indicators", "compute", "--period", period, "--db", Database.Connection);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a period", run.Error, StringComparison.Ordinal);
    }
}
