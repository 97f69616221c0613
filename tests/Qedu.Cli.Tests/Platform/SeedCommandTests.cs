using System.Globalization;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Cli.Tests.Platform;

public class SeedCommandTests : CliTest
{
    private static string Counts(DemoScale scale, int seed)
    {
        var orgs = DemoCityGenerator.Generate(scale, seed);
        var schools = orgs.Count(o => o.Kind == OrgUnitKind.School);
        return string.Create(CultureInfo.InvariantCulture, $"{orgs.Count} org units, {schools} schools and kindergartens");
    }

    [Fact]
    public async Task Seed_fills_an_empty_database_refuses_a_second_time_and_reset_starts_over()
    {
        var first = await Cli.RunAsync("seed", "--scale", "small", "--seed", "1", "--db", Database.Connection);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("demo city seeded (Small, seed 1)", first.Output, StringComparison.Ordinal);
        Assert.Contains(Counts(DemoScale.Small, 1), first.Output, StringComparison.Ordinal);
        Assert.Equal("", first.Error);

        var second = await Cli.RunAsync("seed", "--scale", "small", "--seed", "1", "--db", Database.Connection);

        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains("already holds organisations", second.Error, StringComparison.Ordinal);
        Assert.Contains("--reset", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("seeded", second.Output, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(second.Error + second.Output));

        var reset = await Cli.RunAsync("seed", "--scale", "small", "--seed", "2", "--reset", "--db", Database.Connection);

        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.Contains("dropped.", reset.Output, StringComparison.Ordinal);
        Assert.Contains("demo city seeded (Small, seed 2)", reset.Output, StringComparison.Ordinal);
        Assert.Contains(Counts(DemoScale.Small, 2), reset.Output, StringComparison.Ordinal);

        // The reset database is a whole new one: current schema, and an audit chain that starts again and holds.
        var status = await Cli.RunAsync("db", "status", "--db", Database.Connection);
        Assert.True(status.ExitCode == 0, status.ToString());
        var verify = await Cli.RunAsync("audit", "verify", "--db", Database.Connection);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public async Task Scale_and_seed_default_to_the_small_city_with_seed_1_and_progress_is_printed_in_order()
    {
        var run = await Cli.RunAsync("seed", "--db", Database.Connection);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("demo city seeded (Small, seed 1)", run.Output, StringComparison.Ordinal);
        Assert.Contains(Counts(DemoScale.Small, 1), run.Output, StringComparison.Ordinal);
        // Each module's step reports as it starts, before the summary line that ends the run.
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["org units: ", "demo accounts: ", "demo clients: ", "registry: ", "plans: ", "exams: ", "surveys: ", "forms: ", "teachers: ", "resources: ", "family: ", "growth: ",
            "facilities: ", "safety: ", "inspection: ", "rectifications: ", "indicators: "],
            lines.Where(l => !l.Contains("seeded", StringComparison.Ordinal)).Select(l => l[..(l.IndexOf(':', StringComparison.Ordinal) + 2)]));
        Assert.Contains("seeded", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("huge", "seed", "--scale", "huge")]
    [InlineData("abc", "seed", "--seed", "abc")]
    [InlineData("--colour", "seed", "--colour", "blue")]
    [InlineData("grow", "grow")]
    [InlineData("--fast", "db", "status", "--fast")]
    public async Task Bad_input_fails_with_a_message_and_no_stack_trace(string named, params string[] args)
    {
        var run = await Cli.RunAsync([.. args, "--db", Database.Connection]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(run.Error + run.Output), run.ToString());
        Assert.DoesNotContain("seeded", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scale_touches_no_database()
    {
        var run = await Cli.RunAsync("seed", "--scale", "huge", "--db", Database.Connection);

        Assert.NotEqual(0, run.ExitCode);
        // Nothing ran, so the database is still empty: every migration is pending.
        var status = await Cli.RunAsync("db", "status", "--db", Database.Connection);
        Assert.True(status.ExitCode == 1, status.ToString());
    }
}
