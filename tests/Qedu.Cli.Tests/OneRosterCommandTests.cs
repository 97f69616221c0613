using System.IO.Compression;
using Qedu.Kernel.DemoCity;

namespace Qedu.Cli.Tests;

/// <summary><c>qedu registry oneroster export</c>: writes the bundle whole or not at all, with the exit codes of the convention.</summary>
public class OneRosterCommandTests : CliTest
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qedu-oneroster-").FullName;

    private async Task SeedAsync()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
    }

    [Fact]
    public async Task Export_writes_a_bundle_of_one_school_and_says_what_it_holds()
    {
        await SeedAsync();
        var path = Path.Combine(_dir, "school.zip");

        var run = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--school", DemoCityGenerator.AnchorSchoolCode, "--db", Database.Connection);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var zip = ZipFile.OpenRead(path);
        Assert.Contains(zip.Entries, e => e.FullName == "users.csv");
        var orgs = new StreamReader(zip.GetEntry("orgs.csv")!.Open()).ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var users = new StreamReader(zip.GetEntry("users.csv")!.Open()).ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"{users.Length - 1} users", run.Output, StringComparison.Ordinal);
        Assert.Single(orgs, o => o.Contains(",school,", StringComparison.Ordinal));
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task An_unknown_or_malformed_school_is_exit_2_and_writes_nothing()
    {
        await SeedAsync();
        var path = Path.Combine(_dir, "none.zip");

        var unknown = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--school", "2137999999", "--db", Database.Connection);
        var malformed = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--school", "a b", "--db", Database.Connection);

        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("2137999999", unknown.Error, StringComparison.Ordinal);
        Assert.True(malformed.ExitCode == 2, malformed.ToString());
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task An_output_that_cannot_be_written_is_exit_3()
    {
        await SeedAsync();
        var path = Path.Combine(_dir, "missing-dir", "b.zip");

        var run = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--db", Database.Connection);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(run.Error));
    }
}
